package app.lumbra.web.cluster;

import app.lumbra.web.it.LumbraProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in front of Lumbra instances, as the repository ships it: {@code deploy/haproxy.cfg}
 * rendered with a loopback port and the instances' ports, run in the foreground as a child process.
 * Its runtime API (a Unix socket) tells which instances it sends to and drains one for a rolling
 * restart.
 */
final class Balancer implements AutoCloseable {

  private final List<LumbraProcess> instances;
  private final Path directory;
  private final Path socket;
  private final int port;
  private Process process;

  private Balancer(List<LumbraProcess> instances, Path directory) throws IOException {
    this.instances = instances;
    this.directory = Files.createDirectories(directory);
    this.socket = directory.resolve("haproxy.sock");
    this.port = freePort();
  }

  /** Whether HAProxy can be run here. */
  static boolean installed() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "haproxy"))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin/haproxy"));
  }

  private static String executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "haproxy"))) {
        return Path.of(dir, "haproxy").toString();
      }
    }
    return "/usr/sbin/haproxy";
  }

  /** Starts HAProxy in front of {@code instances} and waits until it sends to every one. */
  static Balancer start(List<LumbraProcess> instances, Path directory) throws Exception {
    Balancer balancer = new Balancer(instances, directory);
    balancer.launch();
    balancer.awaitUp(Duration.ofSeconds(30));
    return balancer;
  }

  private void launch() throws IOException {
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < instances.size(); i++) {
      URI uri = instances.get(i).uri("/");
      servers.append(
          String.format(
              "    server %s 127.0.0.1:%d check cookie i%d%n", name(i), uri.getPort(), i + 1));
    }
    String config =
        Files.readString(Path.of(required("lumbra.deploy.dir"), "haproxy.cfg"))
            .replace("${LB_BIND}", "127.0.0.1:" + port)
            .replace("${LB_SOCKET}", socket.toString())
            .replace("${LB_SERVERS}", servers.toString().stripTrailing());
    Path file = directory.resolve("haproxy.cfg");
    Files.writeString(file, config);
    Files.deleteIfExists(socket);
    process =
        new ProcessBuilder(executable(), "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("haproxy.log").toFile())
            .start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  String fhirBase() {
    return baseUrl() + "/fhir";
  }

  static String name(int index) {
    return "instance-" + (index + 1);
  }

  /** The server's state as HAProxy sees it: UP, DOWN, MAINT, ... (first word of the status). */
  String status(int index) throws IOException {
    for (String line : command("show stat").split("\n")) {
      String[] fields = line.split(",", -1);
      if (fields.length > 17
          && fields[0].equals("lumbra_instances")
          && fields[1].equals(name(index))) {
        return fields[17].split(" ")[0];
      }
    }
    throw new IllegalStateException("HAProxy does not know " + name(index));
  }

  /** Requests HAProxy has sent to the instance so far. */
  long sent(int index) throws IOException {
    for (String line : command("show stat").split("\n")) {
      String[] fields = line.split(",", -1);
      if (fields.length > 7
          && fields[0].equals("lumbra_instances")
          && fields[1].equals(name(index))) {
        return Long.parseLong(fields[7]);
      }
    }
    throw new IllegalStateException("HAProxy does not know " + name(index));
  }

  /** Sessions HAProxy has open on the instance now. */
  long current(int index) throws IOException {
    for (String line : command("show stat").split("\n")) {
      String[] fields = line.split(",", -1);
      if (fields.length > 4
          && fields[0].equals("lumbra_instances")
          && fields[1].equals(name(index))) {
        return Long.parseLong(fields[4]);
      }
    }
    throw new IllegalStateException("HAProxy does not know " + name(index));
  }

  /**
   * Takes the instance out as an operator does before stopping it: no new requests, and returns
   * once the requests it has in flight are answered.
   */
  void drain(int index) throws Exception {
    command("set server lumbra_instances/" + name(index) + " state maint");
    Instant until = Instant.now().plusSeconds(30);
    while (current(index) > 0 && Instant.now().isBefore(until)) {
      Thread.sleep(50);
    }
  }

  /** Gives the instance back to the health checks, which bring it up once it is ready. */
  void readmit(int index) throws IOException {
    command("set server lumbra_instances/" + name(index) + " state ready");
  }

  /** Waits until HAProxy's health checks have every instance UP. */
  void awaitUp(Duration timeout) throws Exception {
    Instant until = Instant.now().plus(timeout);
    while (true) {
      List<String> states = new ArrayList<>();
      try {
        for (int i = 0; i < instances.size(); i++) {
          states.add(status(i));
        }
        if (states.stream().allMatch("UP"::equals)) {
          return;
        }
      } catch (IOException notListeningYet) {
        states.add(notListeningYet.toString());
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "HAProxy exited: " + Files.readString(directory.resolve("haproxy.log")));
      }
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException("HAProxy did not have every instance UP: " + states);
      }
      Thread.sleep(100);
    }
  }

  /** One command on HAProxy's runtime API, and its answer. */
  String command(String command) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
      StringBuilder answer = new StringBuilder();
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        answer.append(StandardCharsets.US_ASCII.decode(buffer));
        buffer.clear();
      }
      return answer.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
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
