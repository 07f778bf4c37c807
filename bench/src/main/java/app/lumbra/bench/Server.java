package app.lumbra.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server under test: the built WAR on Payara Micro in its own process on a free loopback port,
 * with its CPU time and peak resident memory read from {@code /proc/<pid>}.
 */
final class Server implements Target {
  /** Linux reports utime and stime in clock ticks; 100 per second on every kernel we run on. */
  static final double MS_PER_TICK = 10.0;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

  private final Process process;
  private final int port;
  private final Duration startUp;

  private Server(Process process, int port, Duration startUp) {
    this.process = process;
    this.port = port;
    this.startUp = startUp;
  }

  static Server start(
      Path micro, Path war, Path home, List<String> jvmOptions, Map<String, String> environment)
      throws IOException, InterruptedException {
    Files.createDirectories(home);
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Dlumbra.data.dir=" + home.resolve("data"));
    command.addAll(
        List.of(
            "-jar",
            micro.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--nohazelcast",
            "--port",
            Integer.toString(port),
            "--rootdir",
            home.resolve("payara").toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("LUMBRA_"));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
    long started = System.nanoTime();
    Process process = builder.start();
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    URI ready = URI.create(base + "/health/ready");
    while (System.nanoTime() - started < START_TIMEOUT.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Lumbra exited while starting; see " + home.resolve("server.log"));
      }
      try {
        HttpResponse<String> answer =
            client.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        // Payara says UP while the application is still deploying (/fhir answering 404 or 503).
        if (answer.statusCode() == 200
            && answer.body().contains("\"database\"")
            && client
                    .send(
                        HttpRequest.newBuilder(URI.create(base + "/fhir/metadata")).build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                < 404) {
          return new Server(process, port, Duration.ofNanos(System.nanoTime() - started));
        }
      } catch (IOException notListeningYet) {
        // The HTTP listener opens late in start-up; poll again.
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Lumbra was not ready within " + START_TIMEOUT);
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public Duration startUp() {
    return startUp;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  /** Server CPU time (user + system) so far, in milliseconds, from /proc/PID/stat. */
  @Override
  public double cpuMillis() {
    try {
      return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid()), "stat")))
          * MS_PER_TICK;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** User + system clock ticks from a /proc stat line (of a process or of one of its threads). */
  static long cpuTicks(String stat) {
    // Fields after the command name, which is in parentheses and may contain spaces.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /**
   * CPU time (user + system) of the server's JIT compiler threads so far, in milliseconds, from
   * /proc/PID/task/TID/stat of the threads named "C1 CompilerThread…" or "C2 CompilerThread…".
   */
  @Override
  public double compilerCpuMillis() {
    long ticks = 0;
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", pid() + "/task"))) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            ticks += cpuTicks(Files.readString(task.resolve("stat")));
          }
        } catch (IOException threadEnded) {
          // A thread that ended between the listing and the read: its time is gone with it.
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return ticks * MS_PER_TICK;
  }

  /** Peak resident set size (VmHWM) in MiB. */
  @Override
  public double peakRssMib() {
    return statusKib("VmHWM:") / 1024.0;
  }

  private long statusKib(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
