package app.lumbra.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR deploys on a full Payara Server 6.2025.10 (the distribution zip from Maven Central,
 * unpacked by the build) and serves the same application: a domain of its own on free ports, {@code
 * asadmin deploy lumbra.ear}, then the endpoints every deployment check uses.
 */
class EarOnPayaraServerIT {
  private static final String DOMAIN = "lumbra-it";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Path work;
  private static int portBase;
  private static boolean started;

  @BeforeAll
  static void deployTheEar() throws Exception {
    work = Files.createDirectories(Path.of(System.getProperty("lumbra.it.workdir")));
    portBase = freePortBase();
    Files.writeString(work.resolve("admin-password.txt"), "AS_ADMIN_PASSWORD=\n");
    asadmin(
        "--user",
        "admin",
        "--passwordfile",
        work.resolve("admin-password.txt").toString(),
        "create-domain",
        "--nopassword=true",
        "--portbase",
        Integer.toString(portBase),
        "--domaindir",
        work.resolve("domains").toString(),
        DOMAIN);
    asadmin("start-domain", "--domaindir", work.resolve("domains").toString(), DOMAIN);
    started = true;
    asadmin(
        "--port",
        adminPort(),
        "create-system-properties",
        "lumbra.data.dir=" + work.resolve("data").toString().replace(":", "\\:"));
    asadmin("--port", adminPort(), "deploy", System.getProperty("lumbra.ear"));
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    if (started) {
      asadmin("stop-domain", "--domaindir", work.resolve("domains").toString(), DOMAIN);
    }
  }

  @Test
  void theEarServesTheCapabilityStatement() throws Exception {
    HttpResponse<String> metadata = get("/fhir/metadata");

    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.body())
        .contains("\"resourceType\":\"CapabilityStatement\"")
        .contains("\"fhirVersion\":\"4.0.1\"")
        .contains("Lumbra FHIR server");
  }

  @Test
  void theEarMigratedItsDatabaseAndIsReady() throws Exception {
    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"database\"");
    assertThat(work.resolve("data").resolve("h2").resolve("lumbra.mv.db")).isRegularFile();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://localhost:" + (portBase + 80) + path);
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String adminPort() {
    return Integer.toString(portBase + 48);
  }

  private static void asadmin(String... arguments) throws IOException, InterruptedException {
    Path asadmin = Path.of(System.getProperty("payara.server.home"), "bin", "asadmin");
    List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
    command.addAll(List.of(arguments));
    Path log = work.resolve("asadmin.log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("asadmin " + arguments[0] + " timed out; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "asadmin "
              + String.join(" ", arguments)
              + " failed; see "
              + log
              + ":\n"
              + Files.readString(log));
    }
  }

  /** A port base whose admin (+48) and HTTP (+80) ports, and the others of a domain, are free. */
  private static int freePortBase() throws IOException {
    for (int base = 28000; base < 40000; base += 100) {
      if (free(base + 48) && free(base + 80) && free(base + 81) && free(base + 76)) {
        return base;
      }
    }
    throw new IllegalStateException("no free port base for a Payara Server domain");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }
}
