package app.lumbra.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.AuditEvents;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import app.lumbra.web.it.TestTokens;
import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The entries of transaction and batch Bundles are checked scope by scope, each as a request of its
 * own would be. A refused entry refuses a transaction whole (403, an OperationOutcome naming the
 * entry, nothing stored) and gets its own 403 in a batch (the other entries run); either way the
 * refusal is in the audit trail.
 */
@ExtendWith(SharedLumbra.class)
class BundleScopesIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String MRN = "urn:oid:1.2.36.146.595.217.0.1";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aTransactionWithAnEntryTheScopesDoNotAllowIsRefusedWholeAndStoresNothing(
      LumbraProcess lumbra) throws Exception {
    String client = "patients-only-" + UUID.randomUUID();
    String token = token(client, "system/Patient.cruds");
    String mrn = "MRN-" + UUID.randomUUID();

    HttpResponse<String> response =
        post(lumbra, patientWithReading(Bundle.BundleType.TRANSACTION, mrn), token);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.FORBIDDEN);
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .contains("Bundle.entry[0]")
        .contains("create on Observation");
    assertThat(response.body()).doesNotContain("\"resourceType\":\"Patient\"").doesNotContain(mrn);
    assertThat(patientsWithMrn(lumbra, mrn)).isZero();

    List<AuditEvent> denied =
        AuditEvents.search(lumbra, "agent-name=" + enc(client) + "&outcome=4&_count=10");
    // The refused entry on its own, and the transaction request it refused.
    assertThat(denied)
        .extracting(e -> e.getSubtypeFirstRep().getCode() + " " + AuditEvents.what(e))
        .anySatisfy(
            what -> assertThat(what).contains("bundle-entry Bundle.entry[0] POST Observation"))
        .anySatisfy(what -> assertThat(what).startsWith("transaction POST"));
  }

  @Test
  void aBatchRefusesOnlyTheEntryTheScopesDoNotAllowAndRunsTheOthers(LumbraProcess lumbra)
      throws Exception {
    String client = "batch-patients-only-" + UUID.randomUUID();
    String token = token(client, "system/Patient.cruds");
    String mrn = "MRN-" + UUID.randomUUID();
    String existing = createPatient(lumbra, "MRN-" + UUID.randomUUID());

    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch
        .addEntry()
        .setResource(patient(mrn))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    batch
        .addEntry()
        .setResource(reading("Patient/" + existing))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");
    HttpResponse<String> response = post(lumbra, batch, token);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("201");
    assertThat(answer.getEntry().get(1).getResponse().getStatus()).isEqualTo("403");
    OperationOutcome refused =
        (OperationOutcome) answer.getEntry().get(1).getResponse().getOutcome();
    assertThat(refused.getIssueFirstRep().getCode()).isEqualTo(IssueType.FORBIDDEN);
    assertThat(answer.getEntry().get(1).hasResource()).isFalse();
    assertThat(patientsWithMrn(lumbra, mrn)).isEqualTo(1);
    assertThat(readingsOf(lumbra, existing)).isZero();

    List<AuditEvent> denied =
        AuditEvents.search(lumbra, "agent-name=" + enc(client) + "&outcome=4&_count=10");
    assertThat(denied).hasSize(1);
    assertThat(AuditEvents.what(denied.get(0))).contains("Bundle.entry[1] POST Observation");
    assertThat(denied.get(0).getEntityFirstRep().getWhat().getReference())
        .isEqualTo("Patient/" + existing);
    assertThat(denied.get(0).getOutcomeDesc()).contains("(403)");
  }

  @Test
  void aPatientTokenCannotWriteAnotherPatientsDataThroughABundle(LumbraProcess lumbra)
      throws Exception {
    String own = createPatient(lumbra, "MRN-" + UUID.randomUUID());
    String other = createPatient(lumbra, "MRN-" + UUID.randomUUID());
    String token = TestTokens.forPatient(own, "patient/Observation.cruds");

    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction
        .addEntry()
        .setResource(reading("Patient/" + own))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");
    transaction
        .addEntry()
        .setResource(reading("Patient/" + other))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");
    HttpResponse<String> response = post(lumbra, transaction, token);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body())
        .contains("Bundle.entry[1]")
        .doesNotContain("\"resourceType\":\"Observation\"");
    assertThat(readingsOf(lumbra, own)).isZero();
    assertThat(readingsOf(lumbra, other)).isZero();
    assertThat(AuditEvents.newestDenied(lumbra, 5))
        .anySatisfy(
            event -> {
              assertThat(AuditEvents.what(event)).contains("Bundle.entry[1] POST Observation");
              assertThat(event.getEntityFirstRep().getWhat().getReference())
                  .isEqualTo("Patient/" + other);
            });

    // The same token may write its own patient's reading through a Bundle.
    Bundle allowed = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    allowed.addEntry(transaction.getEntry().get(0));
    assertThat(post(lumbra, allowed, token).statusCode()).isEqualTo(200);
    assertThat(readingsOf(lumbra, own)).isEqualTo(1);
  }

  @Test
  void aReadEntryOutsideTheTokensPatientIsRefusedInABatch(LumbraProcess lumbra) throws Exception {
    String own = createPatient(lumbra, "MRN-" + UUID.randomUUID());
    String other = createPatient(lumbra, "MRN-" + UUID.randomUUID());
    String token = TestTokens.forPatient(own, "patient/*.read");
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Patient/" + own);
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Patient/" + other);

    HttpResponse<String> response = post(lumbra, batch, token);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("200");
    assertThat(answer.getEntry().get(0).getResource().getIdElement().getIdPart()).isEqualTo(own);
    assertThat(answer.getEntry().get(1).getResponse().getStatus()).isEqualTo("403");
    assertThat(response.body()).doesNotContain("\"id\":\"" + other + "\"");
    assertThat(
            AuditEvents.newestDenied(lumbra, 1).get(0).getEntityFirstRep().getWhat().getReference())
        .isEqualTo("Patient/" + other);
  }

  private static String token(String client, String scopes) {
    return TestTokens.mint(
        TestTokens.claims(scopes).subject(client).claim("client_id", client).build());
  }

  private static Bundle patientWithReading(Bundle.BundleType type, String mrn) {
    Bundle bundle = new Bundle().setType(type);
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    bundle
        .addEntry()
        .setResource(reading(patientUrl))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");
    bundle
        .addEntry()
        .setFullUrl(patientUrl)
        .setResource(patient(mrn))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    return bundle;
  }

  private static Patient patient(String mrn) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MRN).setValue(mrn);
    patient.addName().setFamily("Bundled").addGiven("Bea");
    patient.setGender(AdministrativeGender.FEMALE);
    patient.setBirthDateElement(new DateType("1977-07-07"));
    return patient;
  }

  private static Observation reading(String patientReference) {
    Observation observation =
        FHIR.newJsonParser()
            .parseResource(
                Observation.class,
                resource("fhir/observation-pain.json")
                    .replace("${patient}", "placeholder")
                    .replace("${value}", "5")
                    .replace("${date}", "2026-03-02T10:00:00+01:00"));
    observation.setSubject(new Reference(patientReference));
    return observation;
  }

  private String createPatient(LumbraProcess lumbra, String mrn) {
    return ((IdType) lumbra.fhirClient().create().resource(patient(mrn)).execute().getId())
        .getIdPart();
  }

  private int patientsWithMrn(LumbraProcess lumbra, String mrn) {
    return lumbra
        .fhirClient()
        .search()
        .byUrl("Patient?identifier=" + MRN + "|" + mrn)
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  private int readingsOf(LumbraProcess lumbra, String patient) {
    return lumbra
        .fhirClient()
        .search()
        .byUrl("Observation?patient=" + patient)
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  private HttpResponse<String> post(LumbraProcess lumbra, Bundle bundle, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(lumbra.uri("/fhir"))
            .header("Accept", "application/fhir+json")
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    FHIR.newJsonParser().encodeResourceToString(bundle)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String resource(String path) {
    try (InputStream in = BundleScopesIT.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(path, e);
    }
  }
}
