package app.lumbra.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PLAN-14 and FHIR-3 under contention: 16 clients each run read-modify-update cycles on one
 * CarePlan with {@code If-Match}. Every update that succeeded made exactly one new version, the
 * history has every version, and each version holds the change of the update that made it (no lost
 * update). 5 cycles per client in every build, 50 with {@code -Dlumbra.resilience.long=true}.
 */
@ExtendWith(SharedLumbra.class)
class ConcurrentCarePlanUpdatesIT {
  private static final int CLIENTS = 16;
  private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"[^\"]*\"");
  private static final Pattern NEXT =
      Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern VERSION = Pattern.compile("W/\"(\\d+)\"");

  @Test
  void everySuccessfulConditionalUpdateIsOneVersionAndNoChangeIsLost(LumbraProcess lumbra)
      throws Exception {
    int cycles = Resilience.longRun() ? 50 : 5;
    String patientId =
        created(
            Resilience.post(lumbra, "Patient", Resilience.patient(Resilience.newMrn())), "Patient");
    String planId =
        created(
            Resilience.post(
                lumbra,
                "CarePlan",
                resource("fhir/careplan.json")
                    .replace("${patient}", patientId)
                    .replace("${status}", "draft")),
            "CarePlan");

    Map<Integer, String> titleByVersion = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread thread =
          new Thread(
              () -> {
                for (int cycle = 0; cycle < cycles; cycle++) {
                  try {
                    HttpResponse<String> read = Resilience.get(lumbra, "CarePlan/" + planId);
                    String etag = read.headers().firstValue("ETag").orElseThrow();
                    String title = "client " + client + " cycle " + cycle;
                    String changed =
                        TITLE.matcher(read.body()).replaceFirst("\"title\":\"" + title + "\"");
                    HttpResponse<String> update =
                        Resilience.HTTP.send(
                            Resilience.fhir(lumbra, "CarePlan/" + planId)
                                .header("Content-Type", Resilience.FHIR_JSON)
                                .header("If-Match", etag)
                                .PUT(HttpRequest.BodyPublishers.ofString(changed))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (update.statusCode() == 200) {
                      int version = version(update.headers().firstValue("ETag").orElseThrow());
                      String previous = titleByVersion.put(version, title);
                      if (previous != null) {
                        unexpected.add("version " + version + " acknowledged twice");
                      }
                    } else if (update.statusCode() == 412 || update.statusCode() == 409) {
                      conflicts.incrementAndGet();
                    } else {
                      unexpected.add(update.statusCode() + " " + update.body());
                    }
                  } catch (Exception e) {
                    unexpected.add(e.toString());
                  }
                }
              });
      thread.start();
      clients.add(thread);
    }
    for (Thread thread : clients) {
      thread.join(300_000);
    }

    assertThat(unexpected).as("answers other than 200, 409 and 412").isEmpty();
    int successes = titleByVersion.size();
    assertThat(successes + conflicts.get()).isEqualTo(CLIENTS * cycles);
    assertThat(successes).isPositive();
    HttpResponse<String> finalPlan = Resilience.get(lumbra, "CarePlan/" + planId);
    assertThat(version(finalPlan.headers().firstValue("ETag").orElseThrow()))
        .as("final version = 1 + successful updates")
        .isEqualTo(1 + successes);
    assertThat(historyEntries(lumbra, planId))
        .as("history has every version")
        .isEqualTo(1 + successes);
    for (Map.Entry<Integer, String> change : titleByVersion.entrySet()) {
      HttpResponse<String> version =
          Resilience.get(lumbra, "CarePlan/" + planId + "/_history/" + change.getKey());
      assertThat(version.statusCode()).isEqualTo(200);
      assertThat(version.body())
          .as("version %d keeps its update", change.getKey())
          .contains("\"title\":\"" + change.getValue() + "\"");
    }
  }

  /** Entries of the plan's history, page by page (bounded: at most 50 pages). */
  private static int historyEntries(LumbraProcess lumbra, String planId) throws Exception {
    String page = Resilience.get(lumbra, "CarePlan/" + planId + "/_history?_count=100").body();
    int entries = Resilience.entries(page);
    for (int pages = 1; pages < 50; pages++) {
      Matcher next = NEXT.matcher(page);
      if (!next.find()) {
        break;
      }
      page =
          Resilience.HTTP
              .send(
                  Resilience.absolute(lumbra, next.group(1)).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      entries += Resilience.entries(page);
    }
    return entries;
  }

  private static int version(String etag) {
    Matcher matcher = VERSION.matcher(etag);
    assertThat(matcher.find()).as("ETag %s", etag).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private static String created(HttpResponse<String> response, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String location = response.headers().firstValue("Location").orElseThrow();
    String afterType = location.substring(location.indexOf(type + "/") + type.length() + 1);
    return afterType.split("/")[0];
  }

  private static String resource(String path) throws Exception {
    try (InputStream in =
        ConcurrentCarePlanUpdatesIT.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
