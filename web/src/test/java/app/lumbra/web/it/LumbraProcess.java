package app.lumbra.web.it;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lumbra as operators run it: the built WAR on a stock Payara Micro, in its own process, on a free
 * loopback port. Tests start it, talk HTTP to it, restart it on the same data, or kill it.
 */
public final class LumbraProcess implements AutoCloseable {
  /**
   * Generous: two or three servers starting together on a shared two-core machine took over four
   * minutes. {@code -Dlumbra.it.start-timeout-seconds} changes it.
   */
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.getLong("lumbra.it.start-timeout-seconds", 420));

  private final String name;
  private final Path home;
  private final Path dataDir;
  private final Map<String, String> environment;
  private final int port;
  private Process process;
  private Duration lastStartUp;

  private LumbraProcess(String name, Map<String, String> environment) throws IOException {
    this.name = name;
    // A new server starts from nothing: a Payara home or database left by an earlier run would
    // make the test depend on it (restarts within a test reuse this directory on purpose).
    this.home = emptyDirectory(workDir().resolve(name));
    this.dataDir = home.resolve("data");
    this.environment = environment;
    this.port = freePort();
  }

  /** A server on a fresh embedded H2 database under {@code target/it/NAME}. */
  public static LumbraProcess onEmbeddedDatabase(String name) throws IOException {
    return new LumbraProcess(name, Map.of());
  }

  /** A server configured through environment variables, as an operator would. */
  public static LumbraProcess withEnvironment(String name, Map<String, String> environment)
      throws IOException {
    return new LumbraProcess(name, new LinkedHashMap<>(environment));
  }

  /** Starts the server and waits until {@code /health/ready} answers 200. */
  public LumbraProcess start() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      return this;
    }
    Instant started = Instant.now();
    spawn();
    awaitReady(started);
    lastStartUp = Duration.between(started, Instant.now());
    return this;
  }

  /**
   * Starts the server process without talking to it, for tests of start-up failures (polling a
   * server that is about to stop only adds noise to its log).
   */
  public LumbraProcess launch() throws IOException {
    spawn();
    return this;
  }

  private void spawn() throws IOException {
    // Payara Micro remembers deployed applications in its root directory: reusing it on a
    // restart loads Lumbra from there and then deploys the WAR again, so the server answers for a
    // moment and then goes 503 while it redeploys. Every start gets an empty Payara home; the
    // data directory is kept.
    emptyDirectory(home.resolve("payara"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-Dlumbra.data.dir=" + dataDir);
    if (environment.keySet().stream().noneMatch(key -> key.startsWith("MP_JWT_"))) {
      // The FHIR API trusts the test token issuer unless the test configures its own.
      TestTokens.serverProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
    }
    command.add("-jar");
    command.add(required("payara.microJar"));
    command.addAll(
        List.of(
            "--deploy",
            required("lumbra.war"),
            "--contextroot",
            "/",
            "--nohazelcast",
            "--port",
            Integer.toString(port),
            "--rootdir",
            home.resolve("payara").toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(key -> key.startsWith("LUMBRA_") || key.startsWith("MP_JWT_"));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    process = builder.start();
  }

  private void awaitReady(Instant started) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    while (Duration.between(started, Instant.now()).compareTo(START_TIMEOUT) < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with status " + process.exitValue() + " while starting; see " + log());
      }
      try {
        HttpResponse<String> ready =
            client.send(
                HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        // Payara answers UP (with no checks, then with Lumbra's) while the application is still
        // being mapped and its FHIR servlet answers 404: ready means Lumbra's database check is
        // UP and /fhir answers.
        if (ready.statusCode() == 200
            && ready.body().contains("\"database\"")
            && client
                    .send(
                        HttpRequest.newBuilder(uri("/fhir/metadata"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                < 404) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Keep polling until the timeout: the HTTP listener opens late in start-up.
      }
      Thread.sleep(500);
    }
    stop();
    throw new IllegalStateException(
        name + " was not ready within " + START_TIMEOUT + "; see " + log());
  }

  /** Stops the server the way an operator's SIGTERM would. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Kills the server with SIGKILL: no shutdown hooks, no flushing. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Waits for a server that is expected to stop on its own, and returns its exit status. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(name + " did not exit within " + timeout + "; see " + log());
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  public URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public String fhirBase() {
    return baseUrl() + "/fhir";
  }

  /**
   * An {@code Authorization} header value with every interaction on every resource type, for tests
   * that are not about security; see {@link TestTokens} for others.
   */
  public String authorization() {
    return "Bearer " + TestTokens.system();
  }

  /**
   * A FHIR client for {@link #fhirBase()} sending a broad system token ({@link #authorization}).
   */
  public IGenericClient fhirClient() {
    FhirContext fhir = FhirContext.forR4Cached();
    fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient client = fhir.newRestfulGenericClient(fhirBase());
    client.registerInterceptor(new BearerTokenAuthInterceptor(TestTokens.system()));
    return client;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path log() {
    return home.resolve("server.log");
  }

  public String logText() throws IOException {
    return Files.exists(log()) ? Files.readString(log()) : "";
  }

  public long pid() {
    return process.pid();
  }

  public Duration lastStartUp() {
    return lastStartUp;
  }

  private static Path emptyDirectory(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> tree = Files.walk(directory)) {
        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(directory);
  }

  static Path workDir() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("lumbra.it.workdir", "target/it")));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + property + " is not set: run the ITs through Maven Failsafe");
    }
    return value;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
