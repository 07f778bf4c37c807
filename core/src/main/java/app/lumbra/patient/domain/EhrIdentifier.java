package app.lumbra.patient.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * An identifier a hospital system gives the patient (for example an MRN): a namespace {@code
 * system} and a {@code value}. The pair is unique across Lumbra and is the join key for FHIR
 * conditional create.
 */
@Embeddable
public class EhrIdentifier {

  static final int MAX_LENGTH = 255;

  @Column(name = "identifier_system", nullable = false, length = MAX_LENGTH)
  private String system;

  @Column(name = "identifier_value", nullable = false, length = MAX_LENGTH)
  private String value;

  protected EhrIdentifier() {}

  private EhrIdentifier(String system, String value) {
    this.system = system;
    this.value = value;
  }

  public static EhrIdentifier of(String system, String value) {
    return new EhrIdentifier(
        requireText("identifier.system", system), requireText("identifier.value", value));
  }

  private static String requireText(String field, String text) {
    String allowed = "a non-blank text of at most " + MAX_LENGTH + " characters";
    if (text == null || text.isBlank() || text.strip().length() > MAX_LENGTH) {
      throw new InvalidValueException(field, text, allowed);
    }
    return text.strip();
  }

  public String system() {
    return system;
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EhrIdentifier that
        && system.equals(that.system)
        && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(system, value);
  }

  @Override
  public String toString() {
    return system + "|" + value;
  }
}
