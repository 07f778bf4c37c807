package app.lumbra.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import app.lumbra.web.it.TestTokens;
import ca.uhn.fhir.context.FhirContext;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every FHIR access, allowed or refused, is an AuditEvent that administrators (tokens naming
 * AuditEvent) can read and search, and nobody can change or delete.
 */
@ExtendWith(SharedLumbra.class)
class AuditTrailIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void allowedAndRefusedAccessesAreRecordedAndReadableByAuditors(LumbraProcess lumbra)
      throws Exception {
    Patient patient = new Patient();
    patient
        .addIdentifier()
        .setSystem("urn:oid:1.2.36.146.595.217.0.1")
        .setValue(UUID.randomUUID().toString());
    patient.addName().setFamily("Audited").addGiven("Ada");
    patient.setBirthDateElement(new DateType("1970-01-01"));
    String id =
        ((IdType) lumbra.fhirClient().create().resource(patient).execute().getId()).getIdPart();
    String reader = "reader-" + UUID.randomUUID();
    String readerToken =
        TestTokens.mint(
            TestTokens.claims("system/Patient.read")
                .subject(reader)
                .claim("client_id", reader)
                .build());

    assertThat(get(lumbra, "/fhir/Patient/" + id, readerToken).statusCode()).isEqualTo(200);
    assertThat(get(lumbra, "/fhir/Observation?patient=" + id, readerToken).statusCode())
        .isEqualTo(403);
    assertThat(get(lumbra, "/fhir/Patient/" + id, "not-a-jwt").statusCode()).isEqualTo(401);

    String auditor = TestTokens.withScopes("system/AuditEvent.rs");
    Bundle byReader =
        bundle(get(lumbra, "/fhir/AuditEvent?agent-name=" + enc(reader) + "&_count=50", auditor));
    assertThat(byReader.getEntry()).hasSize(2);
    assertThat(byReader.getEntry())
        .extracting(e -> ((AuditEvent) e.getResource()).getOutcome())
        .containsExactlyInAnyOrder(AuditEventOutcome._0, AuditEventOutcome._4);
    AuditEvent denied =
        byReader.getEntry().stream()
            .map(e -> (AuditEvent) e.getResource())
            .filter(e -> e.getOutcome() == AuditEventOutcome._4)
            .findFirst()
            .orElseThrow();
    assertThat(denied.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/" + id);
    assertThat(denied.getOutcomeDesc()).contains("403");
    assertThat(denied.getRecorded()).isNotNull();

    Bundle aboutPatient =
        bundle(get(lumbra, "/fhir/AuditEvent?patient=" + id + "&outcome=4&_count=50", auditor));
    assertThat(aboutPatient.getEntry())
        .extracting(e -> ((AuditEvent) e.getResource()).getAgentFirstRep().getName())
        .contains("anonymous", reader);

    String eventId = denied.getIdElement().getIdPart();
    assertThat(get(lumbra, "/fhir/AuditEvent/" + eventId, auditor).statusCode()).isEqualTo(200);
  }

  @Test
  void theTrailIsReadOnlyAndNeedsANamedScope(LumbraProcess lumbra) throws Exception {
    String everything = TestTokens.withScopes("system/*.cruds");
    assertThat(get(lumbra, "/fhir/AuditEvent?_count=1", everything).statusCode()).isEqualTo(403);
    assertThat(
            get(lumbra, "/fhir/AuditEvent?_count=1", TestTokens.forPatient("1", "patient/*.read"))
                .statusCode())
        .isEqualTo(403);

    String auditor = TestTokens.withScopes("system/AuditEvent.cruds");
    Bundle some = bundle(get(lumbra, "/fhir/AuditEvent?_count=1", auditor));
    String eventId = some.getEntryFirstRep().getResource().getIdElement().getIdPart();
    String before = get(lumbra, "/fhir/AuditEvent/" + eventId, auditor).body();

    HttpResponse<String> delete =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/AuditEvent/" + eventId))
                .header("Authorization", "Bearer " + auditor)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> update =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/AuditEvent/" + eventId))
                .header("Authorization", "Bearer " + auditor)
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(before))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> create =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/AuditEvent"))
                .header("Authorization", "Bearer " + auditor)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(before))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(delete.statusCode()).isIn(400, 405);
    assertThat(update.statusCode()).isIn(400, 405);
    assertThat(create.statusCode()).isIn(400, 405);
    AuditEvent after =
        FHIR.newJsonParser()
            .parseResource(
                AuditEvent.class, get(lumbra, "/fhir/AuditEvent/" + eventId, auditor).body());
    AuditEvent original = FHIR.newJsonParser().parseResource(AuditEvent.class, before);
    assertThat(after.getOutcomeDesc()).isEqualTo(original.getOutcomeDesc());
    assertThat(after.getRecorded()).isEqualTo(original.getRecorded());
  }

  private HttpResponse<String> get(LumbraProcess lumbra, String path, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(lumbra.uri(path))
            .header("Accept", "application/fhir+json")
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
