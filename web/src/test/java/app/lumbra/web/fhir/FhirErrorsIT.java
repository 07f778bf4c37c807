package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fhir.support.NothingDropped;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
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
  void fhir1AnElementLumbraDoesNotModelIsKeptAndReadBack(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response =
        post(
            lumbra,
            "/fhir/Patient",
            "application/fhir+json",
            "{\"resourceType\":\"Patient\",\"telecom\":[{\"value\":\"+31 6 1234\"}],"
                + "\"name\":[{\"family\":\"X\",\"given\":[\"Y\"]}],\"birthDate\":\"1980-01-01\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Patient created =
        FhirClients.FHIR.newJsonParser().parseResource(Patient.class, response.body());
    Patient read =
        FhirClients.client(lumbra)
            .read()
            .resource(Patient.class)
            .withId(created.getIdPart())
            .execute();
    assertThat(read.getTelecomFirstRep().getValue()).isEqualTo("+31 6 1234");
  }

  /** Creates {@code sent}, reads it back and checks that nothing sent is missing (FHIR-1). */
  private static <T extends DomainResource> void keptWhole(IGenericClient client, T sent) {
    MethodOutcome outcome = client.create().resource(sent).execute();
    assertThat(outcome.getCreated()).isTrue();
    @SuppressWarnings("unchecked")
    T read =
        (T) client.read().resource(sent.getClass()).withId(outcome.getId().getIdPart()).execute();
    assertThat(NothingDropped.dropped(sent, read)).as(sent.fhirType()).isEmpty();
  }

  @Test
  void fhir1ElementsLumbraDoesNotModelAtAnyDepthAreKeptAndReadBackUnchanged(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient withContact = FhirClients.newPatient("DeepContact");
    withContact.addContact().addTelecom().setValue("+31 6 1234 5678");
    keptWhole(client, withContact);

    Patient withNameExtension = FhirClients.newPatient("DeepExtension");
    withNameExtension
        .getNameFirstRep()
        .addExtension("https://ehr.example/name-source", new StringType("passport"));
    keptWhole(client, withNameExtension);
    Patient withPeriod = FhirClients.newPatient("DeepPeriod");
    withPeriod.getIdentifierFirstRep().getPeriod().setStartElement(new DateTimeType("2020-01-01"));
    keptWhole(client, withPeriod);

    String patientId = FhirClients.createPatient(client, "DeepPlan").getIdPart();
    CarePlan plan = FhirClients.carePlan(patientId, "draft");
    plan.getActivityFirstRep().getDetail().setDailyAmount(new Quantity(2));
    plan.addNote().setText("Referred by the spine clinic");
    keptWhole(client, plan);

    Observation withCodingExtension = FhirClients.pain(patientId, 4, "2026-03-02T10:00:00+01:00");
    withCodingExtension
        .getCode()
        .getCodingFirstRep()
        .addExtension("https://ehr.example/mapped", new BooleanType(true));
    withCodingExtension.addIdentifier().setSystem("urn:ehr:flowsheet").setValue("row-77");
    withCodingExtension.addNote().setText("Patient reported after the walk");
    withCodingExtension.getEncounter().setReference("Encounter/ehr-visit-1");
    keptWhole(client, withCodingExtension);
    assertThat(FhirClients.readingsOf(client, patientId)).hasSize(1);
  }

  @Test
  void fhir1AnUnknownModifierExtensionIs422NamingItAndNothingIsStored(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient withModifier = FhirClients.newPatient("Modifier");
    withModifier.addModifierExtension(new Extension("urn:ehr:do-not-treat", new BooleanType(true)));
    assertThatThrownBy(() -> client.create().resource(withModifier).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(422);
              OperationOutcome.OperationOutcomeIssueComponent issue =
                  ((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep();
              assertThat(issue.getExpression())
                  .extracting(Object::toString)
                  .contains("Patient.modifierExtension('urn:ehr:do-not-treat')");
            });
    assertThat(
            client
                .search()
                .forResource(Patient.class)
                .where(
                    Patient.IDENTIFIER
                        .exactly()
                        .systemAndCode(
                            FhirClients.MRN, withModifier.getIdentifierFirstRep().getValue()))
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();

    String patientId = FhirClients.createPatient(client, "Comparator").getIdPart();
    Observation lessThan = FhirClients.pain(patientId, 4, "2026-03-02T10:00:00+01:00");
    lessThan.getValueQuantity().setComparator(Quantity.QuantityComparator.LESS_THAN);
    assertThatThrownBy(() -> client.create().resource(lessThan).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(400);
              assertThat(refused.getMessage()).contains("Observation.valueQuantity.comparator");
            });
    assertThat(FhirClients.readingsOf(client, patientId)).isEmpty();
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
    String unknown = UUID.randomUUID().toString();
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
                .returnBundle(Bundle.class)
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
