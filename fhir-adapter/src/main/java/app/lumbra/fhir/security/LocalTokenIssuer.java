package app.lumbra.fhir.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lumbra's own token issuer for SMART Backend Services: short-lived RS256 access tokens for
 * registered clients, signed with a key generated when the application starts (so tokens do not
 * survive a restart, and each instance of a cluster has its own key; clients simply ask again). The
 * FHIR API accepts these tokens beside those of the configured MicroProfile JWT issuer.
 */
@ApplicationScoped
public class LocalTokenIssuer {

  private RSAKey key;
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
      Clock clock) {
    this.issuer = issuer;
    this.audience = audience;
    this.lifetime = Duration.ofSeconds(lifetimeSeconds);
    this.clock = clock;
    try {
      this.key =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyID(UUID.randomUUID().toString())
              .generate();
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
    return new JWKSet(key.toPublicJWK());
  }

  /** A verifier for the tokens this issuer signs. */
  public TokenVerifier verifier() {
    return TokenVerifier.of(new ImmutableJWKSet<>(publicKeys()), issuer, Set.of(audience));
  }
}
