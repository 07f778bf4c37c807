package app.lumbra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's own token issuer (/fhir needs bearer tokens): an RSA key pair made for this run,
 * its public key handed to the server it starts as {@code mp.jwt.verify.publickey.location}, and
 * one RS256 token with every system scope.
 */
final class BenchTokens {
  private static final String ISSUER = "https://issuer.bench.lumbra.app";
  private static final String AUDIENCE = "https://lumbra.bench/fhir";

  private final KeyPair keys;

  BenchTokens() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  /** JVM options that make the server trust this issuer; writes the PEM file into {@code dir}. */
  List<String> serverOptions(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path pem = dir.resolve("bench-token-issuer.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    return List.of(
        "-Dmp.jwt.verify.publickey.location=" + pem.toAbsolutePath(),
        "-Dmp.jwt.verify.issuer=" + ISSUER,
        "-Dmp.jwt.verify.audiences=" + AUDIENCE);
  }

  /** A token for every interaction on every type, valid for six hours. */
  String systemToken() throws GeneralSecurityException {
    long now = Instant.now().getEpochSecond();
    String claims =
        "{\"iss\":\""
            + ISSUER
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"sub\":\"lumbra-bench\",\"client_id\":\"lumbra-bench\","
            + "\"scope\":\"system/*.cruds\",\"jti\":\""
            + UUID.randomUUID()
            + "\",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 6 * 3600)
            + "}";
    return sign(claims);
  }

  /** The public key as PEM, e.g. to register this key pair as a client's key. */
  String publicPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** These JSON claims as an RS256 JWT signed with this key pair. */
  String sign(String claims) throws GeneralSecurityException {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String signingInput = base64Url(header) + "." + base64Url(claims);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(keys.getPrivate());
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
