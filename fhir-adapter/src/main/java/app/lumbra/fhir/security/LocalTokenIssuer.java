package app.lumbra.fhir.security;

import app.lumbra.signingkey.application.SigningKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lumbra's own token issuer for SMART Backend Services: short-lived RS256 access tokens for
 * registered clients. The signing key is generated once and kept in the database ({@link
 * SigningKeys}), so tokens survive a restart and every instance of a cluster signs alike; its
 * public part is published as a JWK Set ({@code /auth/jwks}). The FHIR API accepts these tokens
 * beside those of the configured MicroProfile JWT issuer.
 */
@ApplicationScoped
public class LocalTokenIssuer {

  /** The purpose the key is stored under. */
  static final String PURPOSE = "access-token";

  private volatile RSAKey key;
  private SigningKeys keys;
  private String issuer;
  private String audience;
  private Duration lifetime;
  private Clock clock;

  /** For the CDI proxy only. */
  protected LocalTokenIssuer() {}

  @Inject
  public LocalTokenIssuer(
      @ConfigProperty(name = "lumbra.auth.issuer") String issuer,
      @ConfigProperty(name = "lumbra.auth.audience") String audience,
      @ConfigProperty(name = "lumbra.auth.token-lifetime-seconds") long lifetimeSeconds,
      Clock clock,
      SigningKeys keys) {
    this.issuer = issuer;
    this.audience = audience;
    this.lifetime = Duration.ofSeconds(lifetimeSeconds);
    this.clock = clock;
    this.keys = keys;
  }

  /** The signing key, read from the database (made and stored there the first time) once. */
  private RSAKey key() {
    RSAKey current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          try {
            key = RSAKey.parse(keys.privateJwk(PURPOSE, LocalTokenIssuer::generate));
          } catch (ParseException e) {
            throw new IllegalStateException("the stored token signing key is not an RSA JWK", e);
          }
        }
        current = key;
      }
    }
    return current;
  }

  private static SigningKeys.NewKey generate() {
    try {
      RSAKey generated =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyID(UUID.randomUUID().toString())
              .generate();
      return new SigningKeys.NewKey(generated.getKeyID(), generated.toJSONString());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the token signing key", e);
    }
  }

  /** A token for {@code clientId} with {@code scope}; {@link #lifetime()} long. */
  public String issue(String clientId, String scope) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(clientId)
            .claim("client_id", clientId)
            .claim("scope", scope)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .build();
    RSAKey key = key();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  public Duration lifetime() {
    return lifetime;
  }

  public String issuer() {
    return issuer;
  }

  /** The public key set, e.g. to publish; never the private key. */
  public JWKSet publicKeys() {
    return new JWKSet(key().toPublicJWK());
  }

  /**
   * A verifier for the tokens this issuer signs; it reads the key on first use, so building it
   * needs no database.
   */
  public TokenVerifier verifier() {
    JWKSource<SecurityContext> published = (selector, context) -> selector.select(publicKeys());
    return TokenVerifier.of(published, issuer, Set.of(audience));
  }
}
