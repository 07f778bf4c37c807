package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** FHIR-4: every failure is an OperationOutcome with the right status and no stack trace. */
@ExtendWith(SharedLumbra.class)
class FhirErrorsIT {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(LumbraProcess lumbra, String path, String type, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(lumbra.uri(path))
            .header("Content-Type", type)
            .header("Accept", "application/fhir+json")
            .header("Authorization", lumbra.authorization())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static OperationOutcome outcome(HttpResponse<String> response) {
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
    return FhirClients.FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
  }

  @Test
  void malformedJsonIs400(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response =
        post(lumbra, "/fhir/Patient", "application/fhir+json", "{\"resourceType\":\"Patient\",");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(outcome(response).getIssue()).isNotEmpty();
  }

  @Test
  void anUnknownElementIs400NotSilentlyDropped(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response =
        post(
            lumbra,
            "/fhir/Patient",
            "application/fhir+json",
            "{\"resourceType\":\"Patient\",\"favouriteColour\":\"blue\","
                + "\"name\":[{\"family\":\"X\",\"given\":[\"Y\"]}],\"birthDate\":\"1980-01-01\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("favouriteColour");
  }

  @Test
  void anElementLumbraDoesNotStoreIs422NamingIt(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response =
        post(
            lumbra,
            "/fhir/Patient",
            "application/fhir+json",
            "{\"resourceType\":\"Patient\",\"telecom\":[{\"value\":\"+31 6 1234\"}],"
                + "\"name\":[{\"family\":\"X\",\"given\":[\"Y\"]}],\"birthDate\":\"1980-01-01\"}");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(outcome(response).getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("Patient.telecom");
  }

  @Test
  void anOutOfRangePainScoreIs400NamingTheFieldAndRange(LumbraProcess lumbra) throws Exception {
    String patientId = FhirClients.createPatient(FhirClients.client(lumbra), "Range").getIdPart();
    HttpResponse<String> response =
        post(
            lumbra,
            "/fhir/Observation",
            "application/fhir+json",
            FhirClients.resource("fhir/observation-pain.json")
                .replace("${patient}", patientId)
                .replace("${value}", "11")
                .replace("${date}", "2026-03-02T10:00:00+01:00"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(outcome(response).getIssueFirstRep().getDiagnostics())
        .contains("pain")
        .contains("10");
  }

  @Test
  void anUnsupportedMediaTypeIs415(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response = post(lumbra, "/fhir/Patient", "text/plain", "hello");
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(outcome(response).getIssue()).isNotEmpty();
  }

  @Test
  void aTooLargeBodyIs413(LumbraProcess lumbra) throws Exception {
    String huge =
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + "x".repeat(3_000_000) + "\"}]}";
    HttpResponse<String> response = post(lumbra, "/fhir/Patient", "application/fhir+json", huge);
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void xmlIsServedOnRequest(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/metadata?_format=xml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<CapabilityStatement");
    assertThat(response.body()).contains("https://lumbra.app/fhir/CodeSystem/lumbra");
  }
}
