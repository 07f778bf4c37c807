package app.lumbra.ehrlaunch.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An EHR an administrator allowed to launch the portal: its name, the issuer it launches with (its
 * FHIR base URL, the launch's {@code iss}), Lumbra's client id at its authorization server and the
 * ID token claim whose value is the Lumbra user name.
 *
 * <p>Rules: the name is 1–64 letters, digits or {@code . _ -}; the issuer is an {@code https://}
 * URL, or {@code http://} on this machine only ({@code localhost}, {@code 127.0.0.1}, {@code
 * [::1]}: a test EHR), without query or fragment, kept without a trailing slash (the launch
 * compares it so); the client id is 1–200 characters without spaces; the user claim (default {@code
 * preferred_username}) is 1–200 characters without spaces. Lifecycle: {@link #register registered}
 * and removed (deleted: a launch is refused from then on on every instance).
 */
@Entity
@Table(name = "launching_ehr")
public class LaunchingEhr {

  /** The claim read when none is given: OpenID Connect's user name claim. */
  public static final String DEFAULT_USER_CLAIM = "preferred_username";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern NO_SPACES = Pattern.compile("\\S{1,200}");
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
  static final String ISSUER_ALLOWED =
      "an https:// URL, or an http://localhost (or 127.0.0.1) URL, without query or fragment, at"
          + " most 500 characters";

  @Id
  @Column(name = "name", length = 64)
  private String name;

  @Column(name = "issuer", nullable = false, length = 500, unique = true)
  private String issuer;

  @Column(name = "client_id", nullable = false, length = 200)
  private String clientId;

  @Column(name = "user_claim", nullable = false, length = 200)
  private String userClaim;

  @Column(name = "registered_at", nullable = false)
  private OffsetDateTime registeredAt;

  @Column(name = "registered_by", nullable = false, length = 100)
  private String registeredBy;

  protected LaunchingEhr() {
    // for JPA
  }

  /** A new EHR under the rules of this class; {@code registeredBy} is the administrator. */
  public static LaunchingEhr register(
      String name,
      String issuer,
      String clientId,
      String userClaim,
      String registeredBy,
      Clock clock) {
    LaunchingEhr ehr = new LaunchingEhr();
    String strippedName = name == null ? null : name.strip();
    if (strippedName == null || !NAME.matcher(strippedName).matches()) {
      throw new InvalidValueException("name", name, "1–64 letters, digits or . _ -");
    }
    ehr.name = strippedName;
    ehr.issuer = issuer(issuer);
    ehr.clientId = noSpaces("clientId", clientId, null);
    ehr.userClaim = noSpaces("userClaim", userClaim, DEFAULT_USER_CLAIM);
    ehr.registeredBy = registeredBy;
    ehr.registeredAt = OffsetDateTime.now(clock);
    return ehr;
  }

  /**
   * {@code url} as the launch compares issuers: stripped, without its trailing slash, when it is an
   * issuer Lumbra may follow a launch to.
   */
  public static String issuer(String url) {
    String issuer = withoutSlash(url == null ? "" : url.strip());
    URI uri;
    try {
      uri = new URI(issuer);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("issuer", url, ISSUER_ALLOWED);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean secure = scheme.equals("https") && !host.isEmpty();
    boolean local = scheme.equals("http") && LOCAL_HOSTS.contains(host);
    if (!(secure || local)
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null
        || issuer.length() > 500) {
      throw new InvalidValueException("issuer", url, ISSUER_ALLOWED);
    }
    return issuer;
  }

  /** {@code url} without one trailing slash: the form in which issuers are compared. */
  public static String withoutSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String noSpaces(String field, String value, String orElse) {
    if ((value == null || value.isBlank()) && orElse != null) {
      return orElse;
    }
    String stripped = value == null ? null : value.strip();
    if (stripped == null || !NO_SPACES.matcher(stripped).matches()) {
      throw new InvalidValueException(field, value, "1–200 characters without spaces");
    }
    return stripped;
  }

  public String name() {
    return name;
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public String userClaim() {
    return userClaim;
  }

  public OffsetDateTime registeredAt() {
    return registeredAt;
  }

  public String registeredBy() {
    return registeredBy;
  }
}
