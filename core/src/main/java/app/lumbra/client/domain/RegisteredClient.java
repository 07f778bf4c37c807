package app.lumbra.client.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A system allowed to ask the token endpoint for access tokens (SMART Backend Services).
 *
 * <p>Rules: the client id is 3–100 characters of letters, digits and {@code . _ : / -}, unique; the
 * public keys (a PEM public key, a JWK or a JWK Set) are required; the allowed scopes are {@code
 * system/} scopes only; the optional care team (at most 64 characters) is the team of the patients
 * the client creates over FHIR. Lifecycle: {@link #register registered}, {@link #disable disabled}
 * (no more tokens) and {@link #enable enabled}.
 */
@Entity
@Table(name = "registered_client")
public class RegisteredClient {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:/-]{3,100}");
  private static final Pattern SYSTEM_SCOPE =
      Pattern.compile("system/([A-Za-z]+|\\*)\\.(read|write|\\*|c?r?u?d?s?)");

  @Id
  @Column(name = "client_id", length = 100)
  private String clientId;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "public_keys", nullable = false, length = 20000)
  private String publicKeys;

  @Column(name = "allowed_scopes", nullable = false, length = 2000)
  private String allowedScopes;

  @Column(name = "care_team", length = 64)
  private String careTeam;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "registered_at", nullable = false)
  private OffsetDateTime registeredAt;

  protected RegisteredClient() {
    // for JPA
  }

  public static RegisteredClient register(
      String clientId,
      String name,
      String publicKeys,
      String allowedScopes,
      String careTeam,
      Clock clock) {
    RegisteredClient client = new RegisteredClient();
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw new InvalidValueException("clientId", clientId, "3–100 letters, digits or . _ : / -");
    }
    client.clientId = clientId;
    client.name = name == null || name.isBlank() ? clientId : name.strip();
    if (publicKeys == null || publicKeys.isBlank() || publicKeys.length() > 20000) {
      throw new InvalidValueException(
          "publicKeys", null, "a PEM public key, a JWK or a JWK Set (at most 20000 characters)");
    }
    client.publicKeys = publicKeys.strip();
    client.allowedScopes = scopes(allowedScopes);
    if (careTeam != null && careTeam.strip().length() > 64) {
      throw new InvalidValueException("careTeam", careTeam, "at most 64 characters, or none");
    }
    client.careTeam = careTeam == null || careTeam.isBlank() ? null : careTeam.strip();
    client.enabled = true;
    client.registeredAt = OffsetDateTime.now(clock);
    return client;
  }

  private static String scopes(String value) {
    Set<String> scopes = new LinkedHashSet<>();
    if (value != null) {
      Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    }
    if (scopes.isEmpty()) {
      throw new InvalidValueException("allowedScopes", value, "one or more system/ scopes");
    }
    for (String scope : scopes) {
      if (!SYSTEM_SCOPE.matcher(scope).matches()) {
        throw new InvalidValueException(
            "allowedScopes", scope, "system/ scopes such as system/*.read or system/Patient.rs");
      }
    }
    return String.join(" ", scopes);
  }

  public void disable() {
    enabled = false;
  }

  public void enable() {
    enabled = true;
  }

  public String clientId() {
    return clientId;
  }

  public String name() {
    return name;
  }

  public String publicKeys() {
    return publicKeys;
  }

  /** The allowed scopes, space-separated. */
  public String allowedScopes() {
    return allowedScopes;
  }

  /** The care team of the patients this client creates over FHIR; null for none. */
  public String careTeam() {
    return careTeam;
  }

  public boolean enabled() {
    return enabled;
  }

  public OffsetDateTime registeredAt() {
    return registeredAt;
  }

  public long version() {
    return version;
  }
}
