package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
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

  private static void assertLost(Runnable write, String... paths) {
    assertThatThrownBy(write::run)
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(422);
              OperationOutcome.OperationOutcomeIssueComponent issue =
                  ((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep();
              assertThat(issue.getExpression()).extracting(Object::toString).contains(paths);
              assertThat(issue.getDiagnostics()).contains("FHIR-1").contains(paths[0]);
            });
  }

  @Test
  void elementsLumbraWouldLoseAtAnyDepthAre422NamingThemAndNothingIsStored(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient withContact = FhirClients.newPatient("DeepContact");
    withContact.addContact().addTelecom().setValue("+31 6 1234 5678");
    assertLost(() -> client.create().resource(withContact).execute(), "Patient.contact");

    Patient withNameExtension = FhirClients.newPatient("DeepExtension");
    withNameExtension
        .getNameFirstRep()
        .addExtension("https://ehr.example/name-source", new StringType("passport"));
    assertLost(
        () -> client.create().resource(withNameExtension).execute(),
        "Patient.name[0].extension('https://ehr.example/name-source')");
    Patient withPeriod = FhirClients.newPatient("DeepPeriod");
    withPeriod.getIdentifierFirstRep().getPeriod().setStartElement(new DateTimeType("2020-01-01"));
    assertLost(
        () -> client.create().resource(withPeriod).execute(), "Patient.identifier[0].period");
    for (Patient refused : List.of(withContact, withNameExtension, withPeriod)) {
      assertThat(
              client
                  .search()
                  .forResource(Patient.class)
                  .where(
                      Patient.IDENTIFIER
                          .exactly()
                          .systemAndCode(
                              FhirClients.MRN, refused.getIdentifierFirstRep().getValue()))
                  .returnBundle(Bundle.class)
                  .execute()
                  .getEntry())
          .isEmpty();
    }

    String patientId = FhirClients.createPatient(client, "DeepPlan").getIdPart();
    CarePlan plan = FhirClients.carePlan(patientId, "draft");
    plan.getActivityFirstRep().getDetail().setDailyAmount(new Quantity(2));
    assertLost(
        () -> client.create().resource(plan).execute(), "CarePlan.activity[0].detail.dailyAmount");

    Observation pain = FhirClients.pain(patientId, 4, "2026-03-02T10:00:00+01:00");
    Observation withComparator = pain.copy();
    withComparator.getValueQuantity().setComparator(Quantity.QuantityComparator.LESS_THAN);
    assertLost(
        () -> client.create().resource(withComparator).execute(),
        "Observation.valueQuantity.comparator");
    Observation withCodingExtension = pain.copy();
    withCodingExtension
        .getCode()
        .getCodingFirstRep()
        .addExtension("https://ehr.example/mapped", new BooleanType(true));
    assertLost(
        () -> client.create().resource(withCodingExtension).execute(),
        "Observation.code.coding[0].extension('https://ehr.example/mapped')");
    assertThat(FhirClients.readingsOf(client, patientId)).isEmpty();
    assertThat(
            client
                .search()
                .forResource(CarePlan.class)
                .where(CarePlan.SUBJECT.hasId("Patient/" + patientId))
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void anOutOfRangePainScoreIs400NamingTheFieldAndRange(LumbraProcess lumbra) throws Exception {
    String patientId = FhirClients.createPatient(FhirClients.client(lumbra), "Range").getIdPart();
    HttpResponse<String> response =
        post(
            lumbra,
            "/fhir/Observation",
            "application/fhir+json",
            FhirClients.painJson(patientId, 11, "2026-03-02T10:00:00+01:00"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(outcome(response).getIssueFirstRep().getDiagnostics())
        .contains("pain")
        .contains("10");
  }

  @Test
  void aReadingOfAPatientLumbraDoesNotKnowIsRefusedAndNotStored(LumbraProcess lumbra)
      throws Exception {
    String unknown = java.util.UUID.randomUUID().toString();
    HttpResponse<String> response =
        post(
            lumbra,
            "/fhir/Observation",
            "application/fhir+json",
            FhirClients.painJson(unknown, 4, "2026-03-02T10:00:00+01:00"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(outcome(response).getIssueFirstRep().getDiagnostics())
        .contains("subject")
        .contains(unknown);
    assertThat(
            FhirClients.client(lumbra)
                .search()
                .byUrl("Observation?subject=Patient/" + unknown)
                .returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
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
