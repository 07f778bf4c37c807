package app.lumbra.context.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A code a context record is found by: which search parameter ({@code category}, {@code code},
 * {@code clinical-status}), its code system and its code.
 */
@Embeddable
public class SearchToken {

  @Column(name = "param", nullable = false, length = 32)
  private String param;

  @Column(name = "system", nullable = false, length = 255)
  private String system;

  @Column(name = "code", nullable = false, length = 255)
  private String code;

  protected SearchToken() {}

  public static SearchToken of(String param, String system, String code) {
    SearchToken token = new SearchToken();
    token.param = InvalidValueException.required("param", param, "a search parameter");
    token.system = system == null ? "" : cut(system);
    token.code = cut(InvalidValueException.required("code", code, "a code"));
    return token;
  }

  private static String cut(String value) {
    return value.length() > 255 ? value.substring(0, 255) : value;
  }

  public String param() {
    return param;
  }

  public String system() {
    return system;
  }

  public String code() {
    return code;
  }
}
