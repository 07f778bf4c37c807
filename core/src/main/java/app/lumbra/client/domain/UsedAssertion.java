package app.lumbra.client.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A client assertion (SMART Backend Services) already exchanged for a token: its id may not be used
 * again by the same client until it has expired. Kept in the database, so that every instance of a
 * cluster, and an instance after a restart, refuses a replay.
 */
@Entity
@Table(name = "used_client_assertion")
public class UsedAssertion {

  /** The longest assertion id ({@code jti}) accepted. */
  public static final int MAX_ID_LENGTH = 255;

  @Id
  @Column(name = "assertion_key", length = 400)
  private String key;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  protected UsedAssertion() {
    // for JPA
  }

  /**
   * The use of assertion {@code assertionId} by {@code clientId}, valid until {@code expiresAt}.
   */
  public static UsedAssertion of(String clientId, String assertionId, Instant expiresAt) {
    UsedAssertion used = new UsedAssertion();
    used.key = key(clientId, assertionId);
    used.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    return used;
  }

  /** The one key of an assertion id of a client (ids are unique per issuer only). */
  public static String key(String clientId, String assertionId) {
    if (assertionId == null || assertionId.isBlank() || assertionId.length() > MAX_ID_LENGTH) {
      throw new InvalidValueException(
          "jti", assertionId, "an assertion id of 1 to " + MAX_ID_LENGTH + " characters");
    }
    return clientId + " " + assertionId;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }
}
