package app.lumbra.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * Scenario g: the CDS Hooks {@code patient-view} service of an EHR's registered client for random
 * patients among 1,000, each with a plan, readings, and (some) sessions or a positive red-flag
 * screen, so that the cards come from real open alerts. Measured with the EHR's Patient in {@code
 * prefetch} and without it (Lumbra then fetches it from the EHR's FHIR server, here a loopback stub
 * in this process, with the {@code fhirAuthorization} token it is given).
 */
final class CdsScenario {
  private static final int PATIENTS = 1000;
  private static final int CLIENTS = 4;
  private static final double P99_TARGET_MS = 500;
  private static final String SCREEN = "https://lumbra.app/fhir/CodeSystem/lumbra-red-flag";
  private static final String[] ITEMS = {
    "SADDLE_NUMBNESS",
    "BLADDER_OR_BOWEL_CHANGE",
    "BILATERAL_LEG_SYMPTOMS",
    "PROGRESSIVE_NEUROLOGICAL_DEFICIT",
    "MAJOR_TRAUMA",
    "MINOR_TRAUMA_WITH_RISK",
    "HISTORY_OF_CANCER",
    "UNEXPLAINED_WEIGHT_LOSS",
    "CONSTANT_NIGHT_PAIN",
    "FEVER",
    "IMMUNOSUPPRESSION",
    "INTRAVENOUS_DRUG_USE"
  };

  private final Benchmark bench;

  /** This run's MRNs are unique, so that a reused PostgreSQL database matches only them. */
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private final AtomicLong cards = new AtomicLong();
  private final AtomicLong criticalCards = new AtomicLong();
  private final AtomicInteger answers = new AtomicInteger();

  CdsScenario(Benchmark bench) {
    this.bench = bench;
  }

  private String mrn(int index) {
    return "CDS-" + run + "-" + index;
  }

  void run(int scale) throws Exception {
    Report.note(bench.db + ": g. loading " + PATIENTS + " patients with plans and their data");
    Map<Integer, String> ids = createPatients();
    AtomicInteger refusedSessions = new AtomicInteger();
    Load.Measured loaded =
        Load.run(CLIENTS, PATIENTS, 1800, i -> patientData(ids.get(i), i, refusedSessions));
    if (loaded.errors() > 0) {
      throw new IllegalStateException(loaded.errors() + " of g's patients were not loaded");
    }
    Report.note(
        String.format(
            "%s: g. loaded in %.0f s: %d plans, %d readings, sessions for every 4th patient (%d"
                + " refused), a positive red-flag screen for every 10th",
            bench.db, loaded.seconds(), PATIENTS, PATIENTS * 10, refusedSessions.get()));

    BenchTokens ehrKeys = new BenchTokens();
    String clientId = register(ehrKeys);
    // The patient-view hook's service id, as GET /cds-services lists it.
    String url = bench.server.baseUrl() + "/cds-services/lumbra-patient-alerts";

    bench.measure(
        "g. CDS patient-view, prefetch, " + CLIENTS + " cl",
        CLIENTS,
        500 * scale,
        i -> patientView(url, ehrKeys, clientId, prefetch(ThreadLocalRandom.current())),
        false,
        0,
        0,
        P99_TARGET_MS);
    note("prefetch");

    HttpServer ehr = ehrFhirServer();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    ehr.setExecutor(pool);
    ehr.start();
    try {
      String fhirServer = "http://127.0.0.1:" + ehr.getAddress().getPort() + "/fhir";
      bench.measure(
          "g. CDS patient-view, EHR fetch, " + CLIENTS + " cl",
          CLIENTS,
          500 * scale,
          i ->
              patientView(
                  url,
                  ehrKeys,
                  clientId,
                  fetchFrom(fhirServer, clientId, ThreadLocalRandom.current())),
          false,
          0,
          0,
          P99_TARGET_MS);
      note("EHR fetch");
    } finally {
      ehr.stop(0);
      pool.shutdownNow();
    }
  }

  private void note(String variant) {
    Report.note(
        String.format(
            "%s: g. %s: %d answers (warm-up included), %.2f cards each, %.2f critical",
            bench.db,
            variant,
            answers.get(),
            cards.get() / Math.max(1.0, answers.get()),
            criticalCards.get() / Math.max(1.0, answers.get())));
    answers.set(0);
    cards.set(0);
    criticalCards.set(0);
  }

  /** The patients, in Bundles of 100, as index → Lumbra id (a transaction answers in order). */
  private Map<Integer, String> createPatients() throws Exception {
    Map<Integer, String> ids = new ConcurrentHashMap<>();
    Load.Measured created =
        Load.run(
            CLIENTS,
            PATIENTS / 100,
            600,
            b -> {
              StringBuilder bundle =
                  new StringBuilder(
                      "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
              for (int k = 0; k < 100; k++) {
                if (k > 0) {
                  bundle.append(',');
                }
                bundle
                    .append("{\"resource\":")
                    .append(Benchmark.patient(mrn(b * 100 + k)))
                    .append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
              }
              bundle.append("]}");
              Matcher matcher =
                  Benchmark.LOCATION.matcher(bench.post("/fhir", bundle.toString()).body());
              int k = 0;
              while (matcher.find()) {
                ids.put(b * 100 + k++, matcher.group(2));
              }
              return k;
            });
    if (ids.size() != PATIENTS) {
      throw new IllegalStateException(
          "g: created " + ids.size() + " of " + PATIENTS + " patients, " + created.errors());
    }
    return ids;
  }

  /**
   * One patient's plan (started six weeks ago) and ten diary readings; every 10th a positive
   * red-flag screen (a critical alert), every 4th other one three sessions without a screen (a
   * SAFE-1 alert, accepted).
   */
  private int patientData(String patientId, int i, AtomicInteger refusedSessions) throws Exception {
    LocalDate start = LocalDate.now(ZoneOffset.UTC).minusWeeks(6);
    String planId =
        idOf(bench.post("/fhir/CarePlan", Benchmark.carePlan(patientId, start)), "CarePlan");
    bench.postBundle(patientId, 10, i, null);
    if (i % 10 == 0) {
      bench.post("/fhir/Observation", screen(patientId, planId, start.plusDays(1)));
    } else if (i % 4 == 0) {
      for (int s = 0; s < 3; s++) {
        OffsetDateTime at = start.plusWeeks(s).atTime(17, 30).atOffset(ZoneOffset.UTC);
        try {
          bench.post("/fhir/Procedure", Benchmark.procedure(patientId, planId, at, 7, 5 - s));
        } catch (IOException refused) {
          refusedSessions.incrementAndGet();
        }
      }
    }
    return 1;
  }

  private static String idOf(HttpResponse<String> response, String type) {
    String location = response.headers().firstValue("Location").orElse("");
    String[] parts = location.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals(type)) {
        return parts[i + 1];
      }
    }
    throw new IllegalStateException("no " + type + " id in " + location);
  }

  private static String screen(String patientId, String planId, LocalDate day) {
    StringBuilder components = new StringBuilder();
    for (String item : ITEMS) {
      if (components.length() > 0) {
        components.append(',');
      }
      components
          .append("{\"code\":{\"coding\":[{\"system\":\"")
          .append(SCREEN)
          .append("\",\"code\":\"")
          .append(item)
          .append("\"}]},\"valueBoolean\":")
          .append(item.equals("SADDLE_NUMBNESS"));
      components.append('}');
    }
    return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{"
        + "\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\","
        + "\"code\":\"survey\"}]}],\"code\":{\"coding\":[{\"system\":\""
        + SCREEN
        + "\",\"code\":\"red-flag-screen\"}]},\"subject\":{\"reference\":\"Patient/"
        + patientId
        + "\"},\"basedOn\":[{\"reference\":\"CarePlan/"
        + planId
        + "\"}],\"effectiveDateTime\":\""
        + Benchmark.dateTime(day.atTime(9, 0).atOffset(ZoneOffset.UTC))
        + "\",\"performer\":[{\"display\":\"Dr Bench\"}],\"component\":["
        + components
        + "]}";
  }

  /** Registers the EHR as a client of Lumbra (the administrator's {@code /auth/clients}). */
  private String register(BenchTokens keys) throws Exception {
    String clientId = "bench-ehr-" + run;
    String form =
        "client_id="
            + clientId
            + "&scope="
            + URLEncoder.encode("system/Patient.rs", StandardCharsets.UTF_8)
            + "&public_key="
            + URLEncoder.encode(keys.publicPem(), StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        bench.http.send(
            HttpRequest.newBuilder(URI.create(bench.server.baseUrl() + "/auth/clients"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (Benchmark.ADMIN + ":" + Benchmark.ADMIN_PASSWORD)
                                    .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException(
          "g: EHR client not registered: " + answer.statusCode() + " " + answer.body());
    }
    return clientId;
  }

  /** The EHR's own Patient: its own id ("ehr-N"), the MRN Lumbra knows. */
  private String ehrPatient(int index) {
    return "{\"resourceType\":\"Patient\",\"id\":\"ehr-"
        + index
        + "\",\"identifier\":[{\"system\":\""
        + Benchmark.MRN
        + "\",\"value\":\""
        + mrn(index)
        + "\"}],\"name\":[{\"family\":\"Bench\"}]}";
  }

  private String prefetch(ThreadLocalRandom random) {
    int index = random.nextInt(PATIENTS);
    return hook(index, ",\"prefetch\":{\"patient\":" + ehrPatient(index) + "}");
  }

  private String fetchFrom(String fhirServer, String clientId, ThreadLocalRandom random) {
    int index = random.nextInt(PATIENTS);
    return hook(
        index,
        ",\"fhirServer\":\""
            + fhirServer
            + "\",\"fhirAuthorization\":{\"access_token\":\"bench-ehr-token\","
            + "\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"patient/Patient.read\","
            + "\"subject\":\""
            + clientId
            + "\"}");
  }

  private static String hook(int index, String extra) {
    return "{\"hook\":\"patient-view\",\"hookInstance\":\""
        + UUID.randomUUID()
        + "\",\"context\":{\"userId\":\"Practitioner/bench\",\"patientId\":\"ehr-"
        + index
        + "\"}"
        + extra
        + "}";
  }

  /**
   * One call as an EHR makes it: a fresh CDS Hooks JWT (signed here, about a millisecond of the
   * measured latency), then the POST; an answer without cards is an error.
   */
  private int patientView(String url, BenchTokens keys, String clientId, String body)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    String jwt =
        keys.sign(
            "{\"iss\":\""
                + clientId
                + "\",\"aud\":\""
                + url
                + "\",\"jti\":\""
                + UUID.randomUUID()
                + "\",\"iat\":"
                + now
                + ",\"exp\":"
                + (now + 120)
                + "}");
    HttpResponse<String> answer =
        bench.http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + jwt)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String text = answer.body();
    if (answer.statusCode() != 200 || !text.contains("\"cards\"")) {
      throw new IOException(
          "patient-view -> "
              + answer.statusCode()
              + ": "
              + text.substring(0, Math.min(300, text.length())));
    }
    answers.incrementAndGet();
    cards.addAndGet(count(text, "\"indicator\""));
    criticalCards.addAndGet(count(text, "\"critical\""));
    return 1;
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
      n++;
    }
    return n;
  }

  /** The EHR's FHIR server: {@code GET /fhir/Patient/ehr-N} answers that patient. */
  private HttpServer ehrFhirServer() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/fhir/Patient/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String id = path.substring(path.lastIndexOf('/') + 1);
          int status = 404;
          byte[] body = new byte[0];
          if (id.startsWith("ehr-")
              && "Bearer bench-ehr-token"
                  .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 200;
            body = ehrPatient(Integer.parseInt(id.substring(4))).getBytes(StandardCharsets.UTF_8);
          }
          exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    return server;
  }
}
