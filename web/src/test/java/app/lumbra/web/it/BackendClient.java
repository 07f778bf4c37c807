package app.lumbra.web.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.io.StringReader;
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
 * A SMART Backend Services client of a test: its key pair (generated here), its registration by the
 * administrator ({@code POST /auth/clients}) and the exchange of a signed assertion for an access
 * token at {@code /auth/token}.
 */
public final class BackendClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String clientId;
  private final KeyPair keys;

  private BackendClient(String clientId, KeyPair keys) {
    this.clientId = clientId;
    this.keys = keys;
  }

  /** Registers a new client with these system/ scopes and care team (null for none). */
  public static BackendClient register(LumbraProcess server, String scope, String careTeam)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    BackendClient client =
        new BackendClient(
            "ehr-" + UUID.randomUUID().toString().substring(0, 8), generator.generateKeyPair());
    String[] admin = PortalSession.administrator(server);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("client_id", client.clientId);
    fields.put("scope", scope);
    fields.put("public_key", client.pem());
    if (careTeam != null) {
      fields.put("care_team", careTeam);
    }
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("/auth/clients"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (admin[0] + ":" + admin[1]).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.urlEncoded(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("client not registered: " + answer.body());
    }
    return client;
  }

  public String clientId() {
    return clientId;
  }

  /** An access token for {@code scope} from the token endpoint. */
  public String accessToken(LumbraProcess server, String scope) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    fields.put("client_assertion", assertion(server));
    fields.put("scope", scope);
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.urlEncoded(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("no token: " + answer.body());
    }
    return Json.createReader(new StringReader(answer.body()))
        .readObject()
        .getString("access_token");
  }

  /** A JWT of these claims signed with this client's key (RS384), e.g. a CDS Hooks JWT. */
  public String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).build(), claims);
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }

  private String assertion(LumbraProcess server) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS384).build(),
            new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(server.baseUrl() + "/auth/token")
                .jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().plusSeconds(240)))
                .build());
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }

  private String pem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }
}
