package app.lumbra.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same WAR on a real PostgreSQL server, configured by environment variables alone: schema
 * created by the migrations, data kept across a restart, readiness DOWN while the database cannot
 * be reached and UP again once it can.
 *
 * <p>Needs {@code LUMBRA_TEST_PG_URL}, {@code LUMBRA_TEST_PG_USER} and {@code
 * LUMBRA_TEST_PG_PASSWORD} (the user must own the database); {@code .ci/run} sets them. Without
 * them the test is skipped, except in CI where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresEndToEndIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private String serverUrl;
  private String user;
  private String password;
  private String schema;
  private LumbraProcess lumbra;

  @BeforeAll
  void startOnPostgres() throws Exception {
    serverUrl = System.getenv("LUMBRA_TEST_PG_URL");
    boolean configured = serverUrl != null && !serverUrl.isBlank();
    if (!configured && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI must run the PostgreSQL end-to-end test: set LUMBRA_TEST_PG_URL");
    }
    Assumptions.assumeTrue(
        configured,
        "PostgreSQL end-to-end test skipped: set LUMBRA_TEST_PG_URL, LUMBRA_TEST_PG_USER and"
            + " LUMBRA_TEST_PG_PASSWORD");
    user = System.getenv("LUMBRA_TEST_PG_USER");
    password = System.getenv("LUMBRA_TEST_PG_PASSWORD");
    schema = "lumbra_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql(serverUrl, "CREATE SCHEMA " + schema);
    String separator = serverUrl.contains("?") ? "&" : "?";
    lumbra =
        LumbraProcess.withEnvironment(
                "postgres",
                Map.of(
                    "LUMBRA_DB_URL", serverUrl + separator + "currentSchema=" + schema,
                    "LUMBRA_DB_USER", user,
                    "LUMBRA_DB_PASSWORD", password))
            .start();
  }

  @AfterAll
  void stopAndDropSchema() throws Exception {
    if (lumbra != null) {
      lumbra.stop();
    }
    if (schema != null) {
      allowConnections(true);
      sql(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  @Order(1)
  void servesMetadataAndIsReadyOnPostgres() throws Exception {
    assertThat(get("/fhir/metadata").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode database = new ObjectMapper().readTree(ready.body()).path("checks").get(0);
    assertThat(database.path("data").path("database").asText()).isEqualTo("PostgreSQL");
  }

  @Test
  @Order(2)
  void theMigrationsCreatedTheSchemaInPostgres() throws Exception {
    try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
        Statement statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                    + schema
                    + "' AND table_name IN ('patient', 'care_plan', 'flyway_schema_history')")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(3);
    }
  }

  @Test
  @Order(3)
  void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue("MRN-PG-1");
    patient.addName().setFamily("Postgres").addGiven("Paula");
    patient.setBirthDateElement(new DateType("1975-03-02"));
    IIdType id = client().create().resource(patient).execute().getId().toUnqualifiedVersionless();

    lumbra.stop();
    lumbra.start();

    Patient read = client().read().resource(Patient.class).withId(id).execute();
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Postgres");
  }

  @Test
  @Order(4)
  void readinessIsDownWhileTheDatabaseCannotBeReachedAndRecovers() throws Exception {
    allowConnections(false);
    try {
      HttpResponse<String> down = awaitReadiness(503);
      JsonNode check = new ObjectMapper().readTree(down.body()).path("checks").get(0);
      assertThat(check.path("name").asText()).isEqualTo("database");
      assertThat(check.path("status").asText()).isEqualTo("DOWN");
    } finally {
      allowConnections(true);
    }
    assertThat(awaitReadiness(200).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> awaitReadiness(int status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    HttpResponse<String> response = get("/health/ready");
    while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      response = get("/health/ready");
    }
    return response;
  }

  /** Closes the database to everyone (and ends the server's sessions), or opens it again. */
  private void allowConnections(boolean allowed) throws SQLException {
    String database = databaseName();
    String maintenance = serverUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/postgres");
    sql(maintenance, "ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS " + allowed);
    if (!allowed) {
      sql(
          maintenance,
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + database
              + "' AND pid <> pg_backend_pid()");
    }
  }

  private String databaseName() {
    return serverUrl.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
  }

  private void sql(String url, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(lumbra.uri(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private IGenericClient client() {
    return lumbra.fhirClient();
  }
}
