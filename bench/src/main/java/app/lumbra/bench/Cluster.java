package app.lumbra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Several Lumbra instances on one PostgreSQL database behind HAProxy, configured from {@code
 * deploy/haproxy.cfg} as an operator would ({@code --cluster N}). The scenarios send every request
 * to the balancer; CPU is that of every instance and of HAProxy together, so the CPU per operation
 * is the deployment's.
 */
final class Cluster implements Target {

  private final List<Server> instances;
  private final Process balancer;
  private final int port;
  private final Duration startUp;

  private Cluster(List<Server> instances, Process balancer, int port, Duration startUp) {
    this.instances = instances;
    this.balancer = balancer;
    this.port = port;
    this.startUp = startUp;
  }

  /**
   * Starts {@code count} instances together (each with a data directory of its own under {@code
   * home}) and HAProxy in front of them; returns once the balancer answers through every instance.
   */
  static Cluster start(
      int count,
      Path micro,
      Path war,
      Path home,
      List<String> jvmOptions,
      Map<String, String> environment)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    List<CompletableFuture<Server>> starting = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Path instanceHome = home.resolve("instance-" + i);
      starting.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Server.start(micro, war, instanceHome, jvmOptions, environment);
                } catch (IOException e) {
                  throw new CompletionException(e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new CompletionException(e);
                }
              }));
    }
    List<Server> instances = new ArrayList<>();
    try {
      for (CompletableFuture<Server> instance : starting) {
        instances.add(instance.join());
      }
    } catch (CompletionException failed) {
      for (CompletableFuture<Server> instance : starting) {
        instance.thenAccept(Cluster::stopQuietly);
      }
      throw new IllegalStateException("An instance did not start: " + failed.getCause(), failed);
    }
    int port = Server.freePort();
    Process balancer = null;
    try {
      balancer = startBalancer(instances, home.toAbsolutePath(), port);
      awaitBalancer(balancer, port, home);
    } catch (IOException | RuntimeException e) {
      if (balancer != null) {
        balancer.destroy();
      }
      instances.forEach(Cluster::stopQuietly);
      throw e;
    }
    return new Cluster(instances, balancer, port, Duration.ofNanos(System.nanoTime() - started));
  }

  private static Process startBalancer(List<Server> instances, Path home, int port)
      throws IOException {
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < instances.size(); i++) {
      URI uri = URI.create(instances.get(i).baseUrl());
      servers.append(
          String.format(
              "    server instance-%d 127.0.0.1:%d check cookie i%d%n",
              i + 1, uri.getPort(), i + 1));
    }
    Path template = Path.of("deploy", "haproxy.cfg");
    if (!Files.isRegularFile(template)) {
      throw new IllegalStateException("--cluster runs from the repository root: no " + template);
    }
    String config =
        Files.readString(template)
            .replace("${LB_BIND}", "127.0.0.1:" + port)
            .replace("${LB_SOCKET}", home.resolve("haproxy.sock").toString())
            .replace("${LB_SERVERS}", servers.toString().stripTrailing());
    Path file = home.resolve("haproxy.cfg");
    Files.writeString(file, config);
    return new ProcessBuilder(haproxy(), "-db", "-f", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("haproxy.log").toFile())
        .start();
  }

  private static String haproxy() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "haproxy"))) {
        return Path.of(dir, "haproxy").toString();
      }
    }
    if (Files.isExecutable(Path.of("/usr/sbin/haproxy"))) {
      return "/usr/sbin/haproxy";
    }
    throw new IllegalStateException("--cluster needs HAProxy (Debian: apt install haproxy)");
  }

  /** Until the balancer answers ready a few times in a row (each instance checked twice). */
  private static void awaitBalancer(Process balancer, int port, Path home)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int inARow = 0;
    while (inARow < 6) {
      if (!balancer.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "HAProxy did not come up; see " + home.resolve("haproxy.log"));
      }
      try {
        int status =
            client
                .send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        inARow = status == 200 ? inARow + 1 : 0;
      } catch (IOException notYet) {
        inARow = 0;
      }
      Thread.sleep(500);
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int size() {
    return instances.size();
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
    return instances.get(0).pid();
  }

  @Override
  public double cpuMillis() {
    double total = 0;
    for (Server instance : instances) {
      total += instance.cpuMillis();
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(balancer.pid()), "stat"));
      total += Server.cpuTicks(stat) * Server.MS_PER_TICK;
    } catch (IOException e) {
      return Double.NaN;
    }
    return total;
  }

  @Override
  public double compilerCpuMillis() {
    double total = 0;
    for (Server instance : instances) {
      total += instance.compilerCpuMillis();
    }
    return total;
  }

  @Override
  public double peakRssMib() {
    double total = 0;
    for (Server instance : instances) {
      total += instance.peakRssMib();
    }
    return total;
  }

  @Override
  public void close() throws InterruptedException {
    balancer.destroy();
    balancer.waitFor();
    for (Server instance : instances) {
      instance.close();
    }
  }
}
