package app.lumbra.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

  private static final String ISSUER = "https://idp.test";
  private static final String AUDIENCE = "https://lumbra.test/fhir";
  private static RSAKey rsa;
  private static ECKey ec;
  private static TokenVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("r").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("e").generate();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(rsa.toRSAPublicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n"
            + "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(ec.toECPublicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    JWKSet set = PublicKeys.parse(pem);
    assertThat(set.getKeys()).hasSize(2);
    verifier = TokenVerifier.of(new ImmutableJWKSet<>(set), ISSUER, Set.of(AUDIENCE));
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("ehr")
        .claim("scope", "patient/Observation.rs")
        .claim("patient", "42")
        .expirationTime(Date.from(Instant.now().plusSeconds(300)));
  }

  private static String rs256(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(rsa));
    return jwt.serialize();
  }

  @Test
  void acceptsRs256AndEs256OfTheConfiguredIssuerAndAudience() throws Exception {
    AccessToken token = verifier.verify(rs256(claims().build()));
    assertThat(token.patient()).isEqualTo("42");
    assertThat(token.subject()).isEqualTo("ehr");
    SignedJWT es =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("idp-key-7").build(), claims().build());
    es.sign(new ECDSASigner(ec));
    assertThat(verifier.verify(es.serialize()).subject()).isEqualTo("ehr");
  }

  @Test
  void refusesExpiredForeignAndMisaddressedTokens() throws Exception {
    assertRefused(
        rs256(claims().expirationTime(Date.from(Instant.now().minusSeconds(600))).build()));
    assertRefused(rs256(claims().issuer("https://other.test").build()));
    assertRefused(rs256(claims().audience("https://other.test").build()));
    assertRefused(rs256(claims().expirationTime(null).build()));
  }

  @Test
  void refusesUnsignedHmacAndForgedTokens() throws Exception {
    assertRefused(new PlainJWT(claims().build()).serialize());
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner(rsa.toRSAPublicKey().getEncoded()));
    assertRefused(hmac.serialize());
    SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims().build());
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
    assertRefused(forged.serialize());
    assertRefused("not.a.jwt");
  }

  @Test
  void withoutConfiguredKeysEveryTokenIsRefusedWithTheReason() {
    TokenVerifier none = TokenVerifier.refusingAll("No token issuer is configured");
    assertThatThrownBy(() -> none.verify("anything"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("No token issuer is configured");
  }

  private static void assertRefused(String token) {
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
  }
}
