package app.lumbra.signingkey.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * A key Lumbra signs with, one per purpose (such as {@code access-token}). Rules: the key id and
 * the key material (a private JWK, opaque here) are required; a purpose has one key. Lifecycle:
 * created once, then only read. The private part never leaves the server: only its public part is
 * published.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  @Id
  @Column(name = "purpose", length = 32)
  private String purpose;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "key_id", nullable = false, length = 64)
  private String keyId;

  @Column(name = "private_jwk", nullable = false, length = 10000)
  private String privateJwk;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected SigningKey() {
    // for JPA
  }

  public static SigningKey create(String purpose, String keyId, String privateJwk, Clock clock) {
    if (purpose == null || purpose.isBlank() || purpose.length() > 32) {
      throw new InvalidValueException("purpose", purpose, "1–32 characters");
    }
    if (keyId == null || keyId.isBlank() || keyId.length() > 64) {
      throw new InvalidValueException("keyId", keyId, "1–64 characters");
    }
    if (privateJwk == null || privateJwk.isBlank() || privateJwk.length() > 10000) {
      throw new InvalidValueException("privateJwk", null, "a JWK of at most 10000 characters");
    }
    SigningKey key = new SigningKey();
    key.purpose = purpose;
    key.keyId = keyId;
    key.privateJwk = privateJwk;
    key.createdAt = OffsetDateTime.now(clock);
    return key;
  }

  public String purpose() {
    return purpose;
  }

  public String keyId() {
    return keyId;
  }

  public String privateJwk() {
    return privateJwk;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
