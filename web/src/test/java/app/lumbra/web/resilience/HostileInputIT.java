package app.lumbra.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FHIR-4 against malformed and hostile input: each is refused with a 4xx and an OperationOutcome
 * (except a huge {@code _count}, which is capped at the largest page), never a 500, and the server
 * stays healthy with bounded memory afterwards.
 */
@ExtendWith(SharedLumbra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  private static final long HUNDRED_MB = 100L * 1024 * 1024;
  private static final Pattern PATIENT_LOCATION =
      Pattern.compile("\"location\"\\s*:\\s*\"Patient/([^/\"]+)");
  private LumbraProcess lumbra;

  HostileInputIT(LumbraProcess lumbra) {
    this.lumbra = lumbra;
  }

  @Test
  void truncatedJson() throws Exception {
    assertRefused(
        post("Observation", Resilience.FHIR_JSON, "{\"resourceType\":\"Observation\",\"sta"));
  }

  @Test
  void wrongContentType() throws Exception {
    assertRefused(post("Patient", "text/plain", Resilience.patient(Resilience.newMrn())));
  }

  @Test
  void xmlEntityBomb() throws Exception {
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [");
    bomb.append("<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      bomb.append("<!ENTITY lol").append(i).append(" \"");
      for (int k = 0; k < 10; k++) {
        bomb.append("&lol").append(i == 1 ? "" : Integer.toString(i - 1)).append(';');
      }
      bomb.append("\">");
    }
    bomb.append("]><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&lol9;\"/>")
        .append("</name></Patient>");
    assertRefused(post("Patient", "application/fhir+xml", bomb.toString()));
  }

  @Test
  void externalXmlEntity() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&x;\"/></name>"
            + "</Patient>";
    HttpResponse<String> response = post("Patient", "application/fhir+xml", xxe);
    assertRefused(response);
    assertThat(response.body()).doesNotContain("root:");
  }

  @Test
  void nestingDeeperThanAThousand() throws Exception {
    int depth = 1500;
    String nested =
        "{\"resourceType\":\"Patient\",\"extension\":"
            + "[{\"url\":\"x\",\"extension\":".repeat(depth)
            + "[]"
            + "}]".repeat(depth)
            + "}";
    assertRefused(post("Patient", Resilience.FHIR_JSON, nested));
  }

  @Test
  void hundredMegabyteBodyWithLength() throws Exception {
    assertRefused(sendLarge(HUNDRED_MB, true));
  }

  @Test
  void hundredMegabyteBodyChunked() throws Exception {
    assertRefused(sendLarge(HUNDRED_MB, false));
  }

  @Test
  void hundredThousandEntryBundle() throws Exception {
    StringBuilder bundle =
        new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
    for (int i = 0; i < 100_000; i++) {
      bundle
          .append(i == 0 ? "" : ",")
          .append("{\"request\":{\"method\":\"GET\",\"url\":\"Patient/")
          .append(i)
          .append("\"}}");
    }
    bundle.append("]}");
    assertRefused(post("", Resilience.FHIR_JSON, bundle.toString()));
  }

  /** A huge {@code _count} is capped at the largest page, with a link to the next one. */
  @Test
  void countOfAMillionGetsTheLargestPage() throws Exception {
    HttpResponse<String> created =
        Resilience.post(lumbra, "", Resilience.patientWithReadings(Resilience.newMrn(), 201));
    assertThat(created.statusCode()).isEqualTo(200);
    Matcher location = PATIENT_LOCATION.matcher(created.body());
    assertThat(location.find()).isTrue();

    HttpResponse<String> response =
        Resilience.get(lumbra, "Observation?patient=" + location.group(1) + "&_count=1000000");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Resilience.total(response.body())).isEqualTo(201);
    assertThat(Resilience.entries(response.body())).isEqualTo(200);
    assertThat(response.body()).contains("\"relation\":\"next\"").contains("_count=200");
  }

  @Test
  void invalidUtf8() throws Exception {
    byte[] valid = Resilience.patient(Resilience.newMrn()).getBytes(StandardCharsets.UTF_8);
    String text = new String(valid, StandardCharsets.UTF_8);
    int at = text.indexOf("Resilience");
    byte[] broken = Arrays.copyOf(valid, valid.length);
    broken[at] = (byte) 0xC3;
    broken[at + 1] = (byte) 0x28;
    assertRefused(
        Resilience.HTTP.send(
            Resilience.fhir(lumbra, "Patient")
                .header("Content-Type", Resilience.FHIR_JSON + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(broken))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void overLongIds() throws Exception {
    String id = "a".repeat(4000);
    assertRefused(Resilience.get(lumbra, "Patient/" + id));
    assertRefused(Resilience.get(lumbra, "Observation/" + id + "/_history/1"));
    assertRefused(
        Resilience.HTTP.send(
            Resilience.fhir(lumbra, "Patient/" + id)
                .header("Content-Type", Resilience.FHIR_JSON)
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        Resilience.patient(Resilience.newMrn())
                            .replace(
                                "{\"resourceType\":\"Patient\",",
                                "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",")))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  @AfterAll
  void serverIsHealthyWithBoundedMemoryAfterwards() throws Exception {
    HttpResponse<String> ready =
        Resilience.HTTP.send(
            HttpRequest.newBuilder(lumbra.uri("/health/ready")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    HttpResponse<String> created =
        post("Patient", Resilience.FHIR_JSON, Resilience.patient(Resilience.newMrn()));
    assertThat(created.statusCode()).isEqualTo(201);
    long[] memory = Resilience.residentMib(lumbra);
    assertThat(memory[0]).as("resident MiB after hostile input").isLessThan(1280);
  }

  private HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return Resilience.HTTP.send(
        Resilience.fhir(lumbra, path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON body of {@code size} bytes generated on the fly, with or without Content-Length. */
  private HttpResponse<String> sendLarge(long size, boolean withLength) throws Exception {
    byte[] head =
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"".getBytes(StandardCharsets.UTF_8);
    InputStream body =
        new InputStream() {
          long position;

          @Override
          public int read() {
            if (position >= size) {
              return -1;
            }
            long p = position++;
            return p < head.length ? head[(int) p] : 'x';
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
              return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
              buffer[offset + i] = (byte) read();
            }
            return n;
          }
        };
    HttpRequest.BodyPublisher publisher =
        withLength
            ? HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> body), size)
            : HttpRequest.BodyPublishers.ofInputStream(() -> body);
    try {
      return Resilience.HTTP.send(
          Resilience.fhir(lumbra, "Patient")
              .timeout(Duration.ofSeconds(120))
              .header("Content-Type", Resilience.FHIR_JSON)
              .POST(publisher)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException closedEarly) {
      // A server may answer and close before the client has sent everything; the answer is then
      // lost to java.net.http. Ask again without a body to see that the server is still there.
      HttpResponse<String> probe = Resilience.get(lumbra, "metadata");
      assertThat(probe.statusCode()).isEqualTo(200);
      return null;
    }
  }

  private static void assertRefused(HttpResponse<String> response) {
    if (response == null) {
      return;
    }
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertThat(response.body()).contains("OperationOutcome");
  }
}
