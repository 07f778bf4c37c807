package app.lumbra.web.resilience;

import app.lumbra.web.it.LumbraProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP helpers and FHIR payloads shared by the resilience tests. */
final class Resilience {
  static final String FHIR_JSON = "application/fhir+json";
  static final String MRN = "urn:oid:1.2.36.146.595.217.0.1";
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
  private static final Pattern ENTRY_RESOURCE = Pattern.compile("\"fullUrl\"");

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Resilience() {}

  /** {@code -Dlumbra.resilience.long=true}: the documented long runs instead of the CI ones. */
  static boolean longRun() {
    return Boolean.getBoolean("lumbra.resilience.long");
  }

  static HttpRequest.Builder fhir(LumbraProcess lumbra, String path) {
    return absolute(lumbra, lumbra.fhirBase() + "/" + path);
  }

  /** A FHIR request to a full URL (e.g. a paging link), with the harness's bearer token. */
  static HttpRequest.Builder absolute(LumbraProcess lumbra, String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", FHIR_JSON)
        .header("Authorization", lumbra.authorization());
  }

  static HttpResponse<String> get(LumbraProcess lumbra, String path)
      throws IOException, InterruptedException {
    return HTTP.send(fhir(lumbra, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(LumbraProcess lumbra, String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        fhir(lumbra, path)
            .header("Content-Type", FHIR_JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static int total(String searchSet) {
    Matcher matcher = TOTAL.matcher(searchSet);
    if (matcher.find()) {
      return Integer.parseInt(matcher.group(1));
    }
    return (int) ENTRY_RESOURCE.matcher(searchSet).results().count();
  }

  static int entries(String searchSet) {
    return (int) ENTRY_RESOURCE.matcher(searchSet).results().count();
  }

  static String newMrn() {
    return "MRN-" + UUID.randomUUID();
  }

  static String patient(String mrn) {
    return "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\""
        + MRN
        + "\",\"value\":\""
        + mrn
        + "\"}],\"name\":[{\"family\":\"Resilience\",\"given\":[\"Anna\"]}],"
        + "\"gender\":\"female\",\"birthDate\":\"1980-05-17\"}";
  }

  static String painScore(String subject, int value, String date) {
    return "{\"resourceType\":\"Observation\",\"extension\":[{\"url\":"
        + "\"https://lumbra.app/fhir/StructureDefinition/reading-context\",\"valueCoding\":"
        + "{\"system\":\"https://lumbra.app/fhir/CodeSystem/lumbra\",\"code\":\"context-diary\"}}],"
        + "\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"survey\"}]}],"
        + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"72514-3\"}]},"
        + "\"subject\":{\"reference\":\""
        + subject
        + "\"},\"effectiveDateTime\":\""
        + date
        + "\",\"valueQuantity\":{\"value\":"
        + value
        + ",\"unit\":\"{score}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"}}";
  }

  /** A transaction: a new patient (by MRN) and {@code readings} pain scores that refer to it. */
  static String patientWithReadings(String mrn, int readings) {
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    StringBuilder bundle =
        new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
    bundle
        .append("{\"fullUrl\":\"")
        .append(patientUrl)
        .append("\",\"resource\":")
        .append(patient(mrn))
        .append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
    for (int i = 0; i < readings; i++) {
      bundle
          .append(",{\"resource\":")
          .append(painScore(patientUrl, i % 11, "2026-03-" + (10 + i % 18) + "T10:00:00Z"))
          .append(",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}");
    }
    return bundle.append("]}").toString();
  }

  /** The server's resident memory now and at its peak, in MiB, from /proc/PID/status. */
  static long[] residentMib(LumbraProcess lumbra) throws IOException {
    long rss = -1;
    long hwm = -1;
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(lumbra.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      } else if (line.startsWith("VmHWM:")) {
        hwm = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return new long[] {rss, hwm};
  }
}
