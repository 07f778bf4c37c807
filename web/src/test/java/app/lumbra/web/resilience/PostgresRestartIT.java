package app.lumbra.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL restarted while clients write: while it is down every request fails fast with 503 and
 * an OperationOutcome, the server recovers by itself once the database is back, and every reading
 * that was acknowledged is still there.
 *
 * <p>The restart is real ({@code pg_ctlcluster 15 main stop}, then {@code start}) when the test
 * runs as root on a machine with {@code pg_ctlcluster} (CI); otherwise the database is closed to
 * new connections and its sessions are terminated, which is what the server sees of a restart.
 * Needs {@code LUMBRA_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD}; skipped without them,
 * except in CI where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRestartIT {
  private static final Path PG_CTLCLUSTER = Path.of("/usr/bin/pg_ctlcluster");
  private static final Pattern LOCATION = Pattern.compile("Observation/([^/]+)");

  private String url;
  private String user;
  private String password;
  private String schema;
  private LumbraProcess lumbra;
  private boolean down;

  @BeforeAll
  void startOnPostgres() throws Exception {
    url = System.getenv("LUMBRA_TEST_PG_URL");
    boolean configured = url != null && !url.isBlank();
    if (!configured && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI must run the PostgreSQL restart test: set LUMBRA_TEST_PG_URL");
    }
    Assumptions.assumeTrue(
        configured, "PostgreSQL restart test skipped: set LUMBRA_TEST_PG_URL, _USER and _PASSWORD");
    user = System.getenv("LUMBRA_TEST_PG_USER");
    password = System.getenv("LUMBRA_TEST_PG_PASSWORD");
    schema = "lumbra_restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql(url, "CREATE SCHEMA " + schema);
    String separator = url.contains("?") ? "&" : "?";
    lumbra =
        LumbraProcess.withEnvironment(
                "pg-restart-" + schema,
                Map.of(
                    "LUMBRA_DB_URL", url + separator + "currentSchema=" + schema,
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
      databaseUp();
      sql(url, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void outageGivesFast503sRecoveryIsAutomaticAndNothingAcknowledgedIsLost() throws Exception {
    String patientUrl =
        Resilience.post(lumbra, "Patient", Resilience.patient(Resilience.newMrn()))
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String subject =
        patientUrl.substring(patientUrl.indexOf("Patient/")).replaceAll("/_history.*", "");
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Thread writer =
          new Thread(
              () -> {
                int i = 0;
                while (running.get() && i < 5_000) {
                  try {
                    HttpResponse<String> created =
                        Resilience.post(
                            lumbra,
                            "Observation",
                            Resilience.painScore(subject, i++ % 11, "2026-03-10T10:00:00Z"));
                    if (created.statusCode() == 201) {
                      Matcher id =
                          LOCATION.matcher(created.headers().firstValue("Location").orElse(""));
                      if (id.find()) {
                        acknowledged.add(id.group(1));
                      }
                    } else if (created.statusCode() != 503) {
                      unexpected.add(created.statusCode() + " " + created.body());
                    }
                    Thread.sleep(created.statusCode() == 503 ? 100 : 5);
                  } catch (IOException | InterruptedException e) {
                    unexpected.add(e.toString());
                  }
                }
              });
      writer.start();
      writers.add(writer);
    }
    Thread.sleep(2_000);
    int beforeOutage = acknowledged.size();
    try {
      databaseDown();
      Thread.sleep(1_000);
      // While it is down: 503 with an OperationOutcome, quickly, for writes and reads.
      for (int probe = 0; probe < 5; probe++) {
        long started = System.nanoTime();
        HttpResponse<String> write =
            Resilience.post(
                lumbra, "Observation", Resilience.painScore(subject, 5, "2026-03-11T10:00:00Z"));
        long writeMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> read = Resilience.get(lumbra, subject);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
        assertThat(write.body()).contains("OperationOutcome");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
        assertThat(read.body()).contains("OperationOutcome");
        assertThat(writeMillis).as("milliseconds to refuse a write while down").isLessThan(5_000);
      }
    } finally {
      databaseUp();
    }
    // Recovers by itself: writes succeed again within a bounded time.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int afterOutage = acknowledged.size();
    while (acknowledged.size() < afterOutage + 20 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    running.set(false);
    for (Thread writer : writers) {
      writer.join(60_000);
    }
    assertThat(acknowledged.size()).as("writes after recovery").isGreaterThan(afterOutage);
    assertThat(beforeOutage).isPositive();
    assertThat(unexpected).as("answers other than 201 and 503").isEmpty();
    for (String id : acknowledged) {
      HttpResponse<String> read = Resilience.get(lumbra, "Observation/" + id);
      assertThat(read.statusCode()).as("acknowledged Observation/%s", id).isEqualTo(200);
    }
    HttpResponse<String> ready =
        Resilience.HTTP.send(
            HttpRequest.newBuilder(lumbra.uri("/health/ready")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
  }

  private static boolean realRestart() {
    return Files.isExecutable(PG_CTLCLUSTER) && "root".equals(System.getProperty("user.name"));
  }

  private void databaseDown() throws Exception {
    if (realRestart()) {
      down = true;
      run(PG_CTLCLUSTER.toString(), "15", "main", "stop", "--mode", "fast");
    } else {
      allowConnections(false);
    }
  }

  private void databaseUp() throws Exception {
    if (realRestart()) {
      if (!down) {
        return;
      }
      run(PG_CTLCLUSTER.toString(), "15", "main", "start");
      down = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
          return;
        } catch (SQLException notYet) {
          Thread.sleep(250);
        }
      }
    } else {
      allowConnections(true);
    }
  }

  private void allowConnections(boolean allowed) throws SQLException {
    String database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
    String maintenance = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    sql(maintenance, "ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS " + allowed);
    if (!allowed) {
      sql(
          maintenance,
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + database
              + "' AND pid <> pg_backend_pid()");
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
  }

  private void sql(String jdbcUrl, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }
}
