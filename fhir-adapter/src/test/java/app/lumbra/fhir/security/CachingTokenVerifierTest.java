package app.lumbra.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachingTokenVerifierTest {

  private static final String ISSUER = "https://idp.test";
  private static final String AUDIENCE = "https://lumbra.test/fhir";

  private RSAKey rsa;
  private TokenVerifier real;
  private final AtomicInteger checks = new AtomicInteger();
  private final MutableClock clock = new MutableClock(Instant.now());

  /** Counts the verifications that reach the real verifier. */
  private final TokenVerifier counting =
      new TokenVerifier(null, null) {
        @Override
        public AccessToken verify(String token) throws InvalidTokenException {
          checks.incrementAndGet();
          return real.verify(token);
        }
      };

  @BeforeEach
  void keys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("r").generate();
    real =
        TokenVerifier.of(
            new ImmutableJWKSet<>(new JWKSet(rsa.toPublicJWK())), ISSUER, Set.of(AUDIENCE));
  }

  private String token(Instant expires, String scope) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("ehr")
                .claim("scope", scope)
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new RSASSASigner(rsa));
    return jwt.serialize();
  }

  @Test
  void aTokenSentAgainIsCheckedOnceAndGivesTheSameScopes() throws Exception {
    TokenVerifier cached = counting.cached(clock);
    String token = token(Instant.now().plusSeconds(120), "system/Observation.rs");

    AccessToken first = cached.verify(token);
    AccessToken again = cached.verify(token);

    assertThat(again).isSameAs(first);
    assertThat(again.scopes().allows("Observation", SmartScopes.Interaction.READ)).isPresent();
    assertThat(checks).hasValue(1);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
    TokenVerifier cached = counting.cached(clock);
    String token = token(Instant.now().plusSeconds(60), "system/*.rs");
    cached.verify(token);

    clock.advance(Duration.ofSeconds(61));

    // The real verifier uses the system clock: the token is still valid for it, so the cache must
    // send it back to the real verifier (a second check) rather than answer from memory.
    cached.verify(token);
    assertThat(checks).hasValue(2);
  }

  @Test
  void noTokenIsRememberedLongerThanTheMaximumAge() throws Exception {
    TokenVerifier cached = counting.cached(clock);
    String token = token(Instant.now().plus(Duration.ofHours(2)), "system/*.rs");
    cached.verify(token);
    clock.advance(CachingTokenVerifier.MAX_AGE.minusSeconds(1));
    cached.verify(token);
    assertThat(checks).hasValue(1);

    clock.advance(Duration.ofSeconds(2));
    cached.verify(token);
    assertThat(checks).hasValue(2);
  }

  @Test
  void refusedTokensAreNotRememberedAndStayRefused() throws Exception {
    CachingTokenVerifier cached = (CachingTokenVerifier) counting.cached(clock);
    String good = token(Instant.now().plusSeconds(120), "system/*.rs");
    String tampered = good.substring(0, good.length() - 4) + "AAAA";

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cached.verify(tampered)).isInstanceOf(InvalidTokenException.class);
    }
    assertThat(checks).hasValue(2);
    assertThat(cached.size()).isZero();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
