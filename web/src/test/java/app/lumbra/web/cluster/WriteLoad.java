package app.lumbra.web.cluster;

import app.lumbra.web.it.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients creating Patients through the balancer, each one request at a time, until stopped: what
 * an operator's instance sees while it is killed or restarted. Every answer is kept with when its
 * request was sent, so a test can tell which failures were in flight at a given moment.
 */
final class WriteLoad implements AutoCloseable {

  /** One request: sent and answered (nanoTime), the status (0 for no answer) and the new id. */
  record Outcome(long sentAt, long answeredAt, int status, String id, String error) {
    boolean acknowledged() {
      return status == 201 && id != null;
    }
  }

  private final String fhirBase;
  private final String label;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ExecutorService clients;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

  private WriteLoad(String fhirBase, String label, int clientCount) {
    this.fhirBase = fhirBase;
    this.label = label;
    this.clients = Executors.newFixedThreadPool(clientCount);
    for (int i = 0; i < clientCount; i++) {
      clients.execute(this::createUntilStopped);
    }
  }

  /**
   * Starts {@code clientCount} clients creating Patients named {@code label} at {@code fhirBase}.
   */
  static WriteLoad start(String fhirBase, String label, int clientCount) {
    return new WriteLoad(fhirBase, label, clientCount);
  }

  private void createUntilStopped() {
    String token = "Bearer " + TestTokens.system();
    int n = 0;
    while (running.get()) {
      String body =
          "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\""
              + label
              + "\",\"given\":[\"N"
              + (n++)
              + "\"]}],\"birthDate\":\"1975-03-04\"}";
      long sent = System.nanoTime();
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(fhirBase + "/Patient"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", token)
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        String id =
            response
                .headers()
                .firstValue("Location")
                .map(location -> location.replaceAll(".*/Patient/([^/]+)(/_history/.*)?$", "$1"))
                .orElse(null);
        outcomes.add(
            new Outcome(
                sent,
                System.nanoTime(),
                response.statusCode(),
                id,
                response.statusCode() == 201 ? null : response.body()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        outcomes.add(new Outcome(sent, System.nanoTime(), 0, null, e.toString()));
      }
    }
  }

  /** Stops the clients once their current requests are answered; returns every outcome. */
  List<Outcome> stop() throws InterruptedException {
    running.set(false);
    clients.shutdown();
    if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the load's clients did not stop within a minute");
    }
    return new ArrayList<>(outcomes);
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    clients.shutdownNow();
  }
}
