package app.lumbra.web.cluster;

import static app.lumbra.web.it.BackendClients.admin;
import static app.lumbra.web.it.BackendClients.assertion;
import static app.lumbra.web.it.BackendClients.pem;
import static app.lumbra.web.it.BackendClients.register;
import static app.lumbra.web.it.BackendClients.rsa;
import static app.lumbra.web.it.BackendClients.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances of Lumbra on one PostgreSQL database, started together as an operator would start a
 * cluster: the migrations run once, each instance serves what the other wrote, a stale version is
 * refused wherever it arrives, and a client assertion is exchanged once across the cluster and
 * across a restart. Needs PostgreSQL ({@code LUMBRA_TEST_PG_URL}, as CI sets).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

  /** Behind a balancer every instance answers for one token URL, the one clients address. */
  private static final String TOKEN_URL = "http://lumbra.cluster.test/auth/token";

  private String serverUrl;
  private String user;
  private String password;
  private String schema;
  private LumbraProcess first;
  private LumbraProcess second;

  @BeforeAll
  void startTwoInstancesTogether() throws Exception {
    serverUrl = System.getenv("LUMBRA_TEST_PG_URL");
    boolean configured = serverUrl != null && !serverUrl.isBlank();
    if (!configured && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI must run the cluster test: set LUMBRA_TEST_PG_URL");
    }
    Assumptions.assumeTrue(configured, "cluster test skipped: set LUMBRA_TEST_PG_URL");
    user = System.getenv("LUMBRA_TEST_PG_USER");
    password = System.getenv("LUMBRA_TEST_PG_PASSWORD");
    schema = "lumbra_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql("CREATE SCHEMA " + schema);
    String separator = serverUrl.contains("?") ? "&" : "?";
    Map<String, String> environment =
        Map.of(
            "LUMBRA_DB_URL", serverUrl + separator + "currentSchema=" + schema,
            "LUMBRA_DB_USER", user,
            "LUMBRA_DB_PASSWORD", password,
            "LUMBRA_AUTH_TOKEN_URL", TOKEN_URL);
    first = LumbraProcess.withEnvironment("cluster-1", environment);
    second = LumbraProcess.withEnvironment("cluster-2", environment);
    CompletableFuture<?> one = CompletableFuture.runAsync(() -> start(first));
    CompletableFuture<?> two = CompletableFuture.runAsync(() -> start(second));
    CompletableFuture.allOf(one, two).join();
  }

  private static void start(LumbraProcess instance) {
    try {
      instance.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stopAndDropSchema() throws Exception {
    for (LumbraProcess instance : new LumbraProcess[] {first, second}) {
      if (instance != null) {
        instance.stop();
      }
    }
    if (schema != null) {
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aWriteOnOneInstanceIsWhatTheOtherServesAndAStaleVersionIsRefusedOnEither() {
    Patient patient = new Patient();
    patient.addName().setFamily("Cluster").addGiven("Clara");
    patient.setBirthDateElement(new DateType("1980-05-06"));
    IdType created = (IdType) first.fhirClient().create().resource(patient).execute().getId();

    Patient onSecond =
        second.fhirClient().read().resource(Patient.class).withId(created.getIdPart()).execute();
    assertThat(onSecond.getNameFirstRep().getFamily()).isEqualTo("Cluster");
    assertThat(onSecond.getMeta().getVersionId()).isEqualTo("1");

    onSecond.getNameFirstRep().setFamily("Cluster-Renamed");
    second.fhirClient().update().resource(onSecond).withId(onSecond.getIdElement()).execute();
    Patient onFirst =
        first.fhirClient().read().resource(Patient.class).withId(created.getIdPart()).execute();
    assertThat(onFirst.getNameFirstRep().getFamily()).isEqualTo("Cluster-Renamed");
    assertThat(onFirst.getMeta().getVersionId()).isEqualTo("2");

    // Version 1 is stale everywhere now, on the instance that wrote version 2 and on the other.
    for (LumbraProcess instance : List.of(first, second)) {
      Patient stale = onFirst.copy();
      stale.setIdElement(new IdType("Patient", created.getIdPart(), "1"));
      stale.getNameFirstRep().setFamily("Stale");
      assertThatThrownBy(
              () ->
                  instance
                      .fhirClient()
                      .update()
                      .resource(stale)
                      .withId(stale.getIdElement())
                      .execute())
          .isInstanceOf(PreconditionFailedException.class);
    }
  }

  @Test
  void aClientAssertionIsExchangedOnceAcrossInstancesAndAcrossARestart() throws Exception {
    KeyPair keys = rsa();
    String clientId = "ehr-" + UUID.randomUUID().toString().substring(0, 8);
    // One of the two instances created the first administrator and logged its password.
    String[] admin = admin(first.logText().contains("one-time password") ? first : second);
    assertThat(register(second, clientId, pem(keys), "system/*.read", admin).statusCode())
        .isEqualTo(201);

    String once = assertion(TOKEN_URL, clientId, keys);
    HttpResponse<String> granted = token(first, Map.of("client_assertion", once));
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    HttpResponse<String> replayedElsewhere = token(second, Map.of("client_assertion", once));
    assertThat(replayedElsewhere.statusCode()).isEqualTo(401);
    assertThat(replayedElsewhere.body()).contains("already used").doesNotContain("access_token");

    first.stop();
    first.start();
    HttpResponse<String> replayedAfterRestart = token(first, Map.of("client_assertion", once));
    assertThat(replayedAfterRestart.statusCode()).isEqualTo(401);
    assertThat(replayedAfterRestart.body()).contains("already used");
    // A fresh assertion of the same client still gets a token, on either instance.
    assertThat(
            token(second, Map.of("client_assertion", assertion(TOKEN_URL, clientId, keys)))
                .statusCode())
        .isEqualTo(200);
  }

  private void sql(String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }
}
