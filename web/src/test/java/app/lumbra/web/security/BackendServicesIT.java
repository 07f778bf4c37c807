package app.lumbra.web.security;

import static app.lumbra.web.it.BackendClients.admin;
import static app.lumbra.web.it.BackendClients.assertion;
import static app.lumbra.web.it.BackendClients.pem;
import static app.lumbra.web.it.BackendClients.register;
import static app.lumbra.web.it.BackendClients.rsa;
import static app.lumbra.web.it.BackendClients.token;
import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.AuditEvents;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SMART Backend Services: an administrator registers a client and its public key; the client trades
 * a private_key_jwt assertion for a short-lived system/ token that the FHIR API accepts within the
 * granted scopes.
 */
@ExtendWith(SharedLumbra.class)
class BackendServicesIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void registeredClientGetsASystemTokenForItsAssertion(LumbraProcess lumbra) throws Exception {
    KeyPair keys = rsa();
    String clientId = "ehr-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(register(lumbra, clientId, pem(keys), "system/*.read", admin(lumbra)).statusCode())
        .isEqualTo(201);

    String assertion = assertion(lumbra, clientId, keys);
    HttpResponse<String> granted =
        token(lumbra, Map.of("scope", "system/*.read", "client_assertion", assertion));
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    JsonObject body = Json.createReader(new StringReader(granted.body())).readObject();
    assertThat(body.getString("token_type")).isEqualTo("bearer");
    assertThat(body.getInt("expires_in")).isBetween(1, 300);
    assertThat(body.getString("scope")).isEqualTo("system/*.read");
    String accessToken = body.getString("access_token");

    assertThat(fhir(lumbra, "GET", "/fhir/Patient?_count=1", accessToken).statusCode())
        .isEqualTo(200);
    assertThat(fhir(lumbra, "POST", "/fhir/Patient", accessToken).statusCode()).isEqualTo(403);

    HttpResponse<String> replay =
        token(lumbra, Map.of("scope", "system/*.read", "client_assertion", assertion));
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("invalid_client").doesNotContain("access_token");
  }

  @Test
  void unknownClientsWrongKeysAndForeignScopesGetNoToken(LumbraProcess lumbra) throws Exception {
    KeyPair keys = rsa();
    String clientId = "lab-" + UUID.randomUUID().toString().substring(0, 8);
    register(lumbra, clientId, pem(keys), "system/Observation.rs", admin(lumbra));

    HttpResponse<String> unknown =
        token(lumbra, Map.of("client_assertion", assertion(lumbra, "nobody-" + clientId, keys)));
    assertThat(unknown.statusCode()).isEqualTo(401);
    HttpResponse<String> otherKey =
        token(lumbra, Map.of("client_assertion", assertion(lumbra, clientId, rsa())));
    assertThat(otherKey.statusCode()).isEqualTo(401);
    HttpResponse<String> foreignScope =
        token(
            lumbra,
            Map.of(
                "scope", "system/*.cruds", "client_assertion", assertion(lumbra, clientId, keys)));
    assertThat(foreignScope.statusCode()).isEqualTo(400);
    assertThat(foreignScope.body()).contains("invalid_scope");
    for (HttpResponse<String> refused : new HttpResponse[] {unknown, otherKey, foreignScope}) {
      assertThat(refused.body()).doesNotContain("access_token");
    }
    // Every refused attempt is in the audit trail, under the client id it claimed.
    assertThat(AuditEvents.search(lumbra, "agent-name=nobody-" + clientId + "&outcome=4&_count=10"))
        .hasSize(1)
        .allSatisfy(event -> assertThat(event.getOutcomeDesc()).contains("(401)"));
    assertThat(AuditEvents.search(lumbra, "agent-name=" + clientId + "&outcome=4&_count=10"))
        .extracting(AuditEvent::getOutcomeDesc)
        .anySatisfy(desc -> assertThat(desc).contains("(401)"))
        .anySatisfy(desc -> assertThat(desc).contains("(400)").contains("scope"));
    assertThat(
            register(
                    lumbra,
                    "x-" + clientId,
                    pem(keys),
                    "system/*.read",
                    new String[] {"admin", "wrong"})
                .statusCode())
        .isEqualTo(401);
  }

  private HttpResponse<String> fhir(LumbraProcess lumbra, String method, String path, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(lumbra.uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/fhir+json")
            .method(
                method,
                "GET".equals(method)
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
