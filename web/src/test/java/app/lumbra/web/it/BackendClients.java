package app.lumbra.web.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A SMART Backend Services client as the tests play it: registered by the first administrator,
 * trading signed assertions for tokens at {@code /auth/token}.
 */
public final class BackendClients {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private BackendClients() {}

  /** Registers {@code clientId} with its public key and scopes, as administrator {@code admin}. */
  public static HttpResponse<String> register(
      LumbraProcess lumbra, String clientId, String pem, String scope, String[] admin)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((admin[0] + ":" + admin[1]).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(lumbra.uri("/auth/clients"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Forms.urlEncoded(
                        Map.of("client_id", clientId, "scope", scope, "public_key", pem))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A token request (client_credentials with a JWT assertion) with {@code fields} added. */
  public static HttpResponse<String> token(LumbraProcess lumbra, Map<String, String> fields)
      throws Exception {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("grant_type", "client_credentials");
    all.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    all.putAll(fields);
    return HTTP.send(
        HttpRequest.newBuilder(lumbra.uri("/auth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Forms.urlEncoded(all)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A fresh assertion (new jti, four minutes to live) addressed to {@code lumbra}'s endpoint. */
  public static String assertion(LumbraProcess lumbra, String clientId, KeyPair keys)
      throws Exception {
    return assertion(lumbra.baseUrl() + "/auth/token", clientId, keys);
  }

  /** A fresh assertion addressed to {@code audience}. */
  public static String assertion(String audience, String clientId, KeyPair keys) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("k1").build(),
            new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(now.plusSeconds(240)))
                .build());
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }

  public static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  public static String pem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** The first administrator's user name and password, past the one-time password. */
  public static String[] admin(LumbraProcess lumbra) throws IOException {
    return Administrator.credentials(lumbra);
  }
}
