package app.lumbra.web.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The test token issuer: an RSA key pair generated once per test run, its public key written to a
 * PEM file that {@link LumbraProcess} configures as {@code mp.jwt.verify.publickey.location}, and
 * RS256 tokens minted with it. No external identity provider.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.test.lumbra.app";
  public static final String AUDIENCE = "https://lumbra.test/fhir";

  /** Every interaction on every resource type: what the black-box ITs use. */
  public static final String SYSTEM_SCOPES = "system/*.cruds";

  private static final KeyPair KEYS = generate();
  private static Path publicKeyFile;

  private TestTokens() {}

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RSAPublicKey publicKey() {
    return (RSAPublicKey) KEYS.getPublic();
  }

  public static RSAPrivateKey privateKey() {
    return (RSAPrivateKey) KEYS.getPrivate();
  }

  /** The PEM file of the public key, written on first use under the IT work directory. */
  public static synchronized Path publicKeyFile() {
    if (publicKeyFile == null) {
      try {
        Path file = LumbraProcess.workDir().resolve("test-token-issuer.pem");
        String pem =
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(file, pem);
        publicKeyFile = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return publicKeyFile;
  }

  /** A token with every interaction on every type, for tests that are not about security. */
  public static String system() {
    return withScopes(SYSTEM_SCOPES);
  }

  /** A token of the test issuer for the test audience with these scopes, valid for two hours. */
  public static String withScopes(String scopes) {
    return mint(claims(scopes).build());
  }

  /** A token confined to {@code patient} with these (patient/) scopes. */
  public static String forPatient(String patient, String scopes) {
    return mint(claims(scopes).claim("patient", patient).build());
  }

  /** Claims of a valid token: tests change one of them to make it invalid. */
  public static JWTClaimsSet.Builder claims(String scopes) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("it-client")
        .claim("client_id", "it-client")
        .claim("scope", scopes)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(2))));
  }

  /** These claims signed RS256 with the test key. */
  public static String mint(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
      jwt.sign(new RSASSASigner(privateKey()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The system properties that make a server trust this issuer. */
  public static Map<String, String> serverProperties() {
    return Map.of(
        "mp.jwt.verify.publickey.location", publicKeyFile().toAbsolutePath().toString(),
        "mp.jwt.verify.issuer", ISSUER,
        "mp.jwt.verify.audiences", AUDIENCE);
  }
}
