package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** FHIR-2: read, vread, create, conditional create, update with If-Match, history (black box). */
@ExtendWith(SharedLumbra.class)
class FhirCrudIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void patientIsCreatedReadAndVreadWithEtagAndLastModified(LumbraProcess lumbra) throws Exception {
    IGenericClient client = FhirClients.client(lumbra);
    IdType id = FhirClients.createPatient(client, "Berg");

    Patient read = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
    assertThat(read.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Anna Maria");
    Patient version =
        client
            .read()
            .resource(Patient.class)
            .withIdAndVersion(id.getIdPart(), id.getVersionIdPart())
            .execute();
    assertThat(version.getIdElement().getVersionIdPart()).isEqualTo(id.getVersionIdPart());

    HttpResponse<String> raw =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/Patient/" + id.getIdPart()))
                .header("Authorization", lumbra.authorization())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(raw.headers().firstValue("ETag")).hasValue("W/\"" + id.getVersionIdPart() + "\"");
    assertThat(raw.headers().firstValue("Last-Modified")).isPresent();
    assertThat(raw.headers().firstValue("X-Powered-By").orElse("")).doesNotContain("HAPI");
  }

  @Test
  void conditionalCreateOnIdentifierReturnsTheExistingPatient(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient patient = FhirClients.newPatient("Conditional");
    String mrn = patient.getIdentifierFirstRep().getValue();
    MethodOutcome first =
        client
            .create()
            .resource(patient)
            .conditionalByUrl("Patient?identifier=" + FhirClients.MRN + "|" + mrn)
            .execute();
    MethodOutcome second =
        client
            .create()
            .resource(patient)
            .conditionalByUrl("Patient?identifier=" + FhirClients.MRN + "|" + mrn)
            .execute();

    assertThat(first.getCreated()).isTrue();
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
  }

  @Test
  void staleIfMatchIsPreconditionFailed(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType id = FhirClients.createPatient(client, "Stale");
    Patient patient = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
    patient.getNameFirstRep().setFamily("Fresh");
    client.update().resource(patient).withId(id).execute();

    patient.getNameFirstRep().setFamily("Lost");
    assertThatThrownBy(() -> client.update().resource(patient).withId(id).execute())
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(
            client
                .read()
                .resource(Patient.class)
                .withId(id.getIdPart())
                .execute()
                .getNameFirstRep()
                .getFamily())
        .isEqualTo("Fresh");
  }

  @Test
  void carePlanRoundTripReadWriteReadGivesTheSameResource(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "RoundTrip");
    IdType planId =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patient.getIdPart(), "draft"))
                .execute()
                .getId();

    CarePlan first = client.read().resource(CarePlan.class).withId(planId.getIdPart()).execute();
    client.update().resource(first).withId(first.getIdElement()).execute();
    CarePlan second = client.read().resource(CarePlan.class).withId(planId.getIdPart()).execute();

    // Only server-managed metadata may differ after writing back what was read (FHIR-1).
    first.setMeta(null);
    second.setMeta(null);
    first.setIdElement(first.getIdElement().toVersionless());
    second.setIdElement(second.getIdElement().toVersionless());
    assertThat(second.equalsDeep(first))
        .as(FhirClients.FHIR.newJsonParser().encodeResourceToString(second))
        .isTrue();
  }

  @Test
  void carePlanHistoryKeepsEveryVersionAndVreadReturnsOldOnes(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "History");
    IdType planId =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patient.getIdPart(), "draft"))
                .execute()
                .getId();
    CarePlan plan = client.read().resource(CarePlan.class).withId(planId.getIdPart()).execute();
    plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
    client.update().resource(plan).withId(plan.getIdElement()).execute();

    Bundle history =
        client.history().onInstance(planId.toVersionless()).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).hasSize(2);
    CarePlan old =
        client
            .read()
            .resource(CarePlan.class)
            .withIdAndVersion(planId.getIdPart(), planId.getVersionIdPart())
            .execute();
    assertThat(old.getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
  }

  @Test
  void twoClientsRacingToUpdateOnePlanExactlyOneWinsAndNothingIsLost(LumbraProcess lumbra)
      throws Exception {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Race");
    IdType planId =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patient.getIdPart(), "draft"))
                .execute()
                .getId();
    CarePlan a = client.read().resource(CarePlan.class).withId(planId.getIdPart()).execute();
    CarePlan b = client.read().resource(CarePlan.class).withId(planId.getIdPart()).execute();
    a.setTitle("Edited by A");
    b.setTitle("Edited by B");

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = pool.submit(() -> race(FhirClients.client(lumbra), a, start));
      Future<String> second = pool.submit(() -> race(FhirClients.client(lumbra), b, start));
      start.countDown();
      List<Future<String>> results = List.of(first, second);
      List<String> outcomes = List.of(results.get(0).get(), results.get(1).get());
      assertThat(outcomes).containsExactlyInAnyOrder("won", "412");
      String winner = outcomes.get(0).equals("won") ? "Edited by A" : "Edited by B";
      assertThat(
              client
                  .read()
                  .resource(CarePlan.class)
                  .withId(planId.getIdPart())
                  .execute()
                  .getTitle())
          .isEqualTo(winner);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String race(IGenericClient client, CarePlan plan, CountDownLatch start)
      throws InterruptedException {
    start.await();
    try {
      client.update().resource(plan).withId(plan.getIdElement()).execute();
      return "won";
    } catch (PreconditionFailedException stale) {
      return "412";
    }
  }

  @Test
  void aCarePlanBreakingPhaseOrderIs422NamingTheRule(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Rules");
    CarePlan plan = FhirClients.carePlan(patient.getIdPart(), "draft");
    CarePlan.CarePlanActivityDetailComponent second = plan.getActivityFirstRep().getDetail().copy();
    second
        .getExtensionByUrl("https://lumbra.app/fhir/StructureDefinition/phase-kind")
        .setValue(new Coding("https://lumbra.app/fhir/CodeSystem/lumbra", "phase-initial", null));
    plan.addActivity().setDetail(second);

    assertThatThrownBy(() -> client.create().resource(plan).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
              assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("PLAN-2");
              assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue())
                  .contains("phases[1]");
            });
  }

  @Test
  void unknownPatientIs404WithAnOperationOutcome(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    assertThatThrownBy(
            () ->
                client
                    .read()
                    .resource(Patient.class)
                    .withId("3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b7c45")
                    .execute())
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class, e -> assertThat(e.getOperationOutcome()).isNotNull());
  }

  @Test
  void theProjectCodeSystemIsServed(LumbraProcess lumbra) {
    CodeSystem lumbraCodes =
        FhirClients.client(lumbra).read().resource(CodeSystem.class).withId("lumbra").execute();
    assertThat(lumbraCodes.getUrl()).isEqualTo("https://lumbra.app/fhir/CodeSystem/lumbra");
    assertThat(lumbraCodes.getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
        .contains("measure-roland-morris", "context-pre-session", "massage-therapy");
  }
}
