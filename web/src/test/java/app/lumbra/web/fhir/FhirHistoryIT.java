package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FHIR-2: instance and type _history, vread of older versions, Goal and Procedure writes,
 * Observation conditional create, _summary and _elements (black box).
 */
@ExtendWith(SharedLumbra.class)
class FhirHistoryIT {

  private static final String LUMBRA = "https://lumbra.app/fhir/CodeSystem/lumbra";

  @Test
  void everyPatientVersionWrittenOverFhirStaysReadable(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType v1 = FhirClients.createPatient(client, "Versions");
    Patient patient = client.read().resource(Patient.class).withId(v1.getIdPart()).execute();
    patient.getNameFirstRep().setFamily("Versions-Two");
    IdType v2 =
        (IdType) client.update().resource(patient).withId(patient.getIdElement()).execute().getId();

    Bundle history =
        client.history().onInstance(v1.toVersionless()).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).hasSize(2);
    Patient first =
        client
            .read()
            .resource(Patient.class)
            .withIdAndVersion(v1.getIdPart(), v1.getVersionIdPart())
            .execute();
    assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Versions");
    assertThat(v2.getVersionIdPart()).isNotEqualTo(v1.getVersionIdPart());

    Bundle typeHistory =
        client.history().onType(Patient.class).returnBundle(Bundle.class).count(5).execute();
    assertThat(typeHistory.getEntry()).isNotEmpty();
    assertThat(typeHistory.getTotal()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void patientConditionAndGoalRoundTripsGiveTheSameResource(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patientId = FhirClients.createPatient(client, "RoundTripAll");
    Condition condition = new Condition();
    condition.setSubject(new Reference("Patient/" + patientId.getIdPart()));
    condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "279039007", null)));
    condition.setOnset(new DateTimeType("2025-09-01"));
    condition.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/onset-type",
        new Coding(LUMBRA, "onset-flare-up", null));
    condition.setSeverity(new CodeableConcept(new Coding(LUMBRA, "severity-severe", null)));
    condition
        .addEvidence()
        .addCode(new CodeableConcept(new Coding(LUMBRA, "cause-spinal-stenosis", null)));
    condition.addNote().setText("Worse in the morning");
    IdType conditionId = (IdType) client.create().resource(condition).execute().getId();
    IdType planId =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patientId.getIdPart(), "draft"))
                .execute()
                .getId();
    String goalId =
        client
            .read()
            .resource(CarePlan.class)
            .withId(planId.getIdPart())
            .execute()
            .getGoalFirstRep()
            .getReferenceElement()
            .getIdPart();

    assertRoundTrip(client, Patient.class, patientId.getIdPart());
    assertRoundTrip(client, Condition.class, conditionId.getIdPart());
    assertRoundTrip(client, Goal.class, goalId);
  }

  private static <T extends DomainResource> void assertRoundTrip(
      IGenericClient client, Class<T> type, String id) {
    T first = client.read().resource(type).withId(id).execute();
    client.update().resource(first).withId(first.getIdElement()).execute();
    T second = client.read().resource(type).withId(id).execute();
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
  void racingPatientUpdatesGiveOneWinnerAndOne412WithHistoryIntact(LumbraProcess lumbra)
      throws Exception {
    IGenericClient client = FhirClients.client(lumbra);
    IdType id = FhirClients.createPatient(client, "Racer");
    Patient a = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
    Patient b = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
    a.getNameFirstRep().setFamily("Racer-A");
    b.getNameFirstRep().setFamily("Racer-B");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> update(FhirClients.client(lumbra), a, start));
      var second = pool.submit(() -> update(FhirClients.client(lumbra), b, start));
      start.countDown();
      assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder("won", "412");
    } finally {
      pool.shutdownNow();
    }
    Bundle history =
        client.history().onInstance(id.toVersionless()).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).hasSize(2);
  }

  private static String update(IGenericClient client, Patient patient, CountDownLatch start)
      throws InterruptedException {
    start.await();
    try {
      client.update().resource(patient).withId(patient.getIdElement()).execute();
      return "won";
    } catch (PreconditionFailedException stale) {
      return "412";
    }
  }

  @Test
  void goalsAreWrittenAsVersionsOfTheirPlan(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Goals");
    IdType plan =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patient.getIdPart(), "draft"))
                .execute()
                .getId();
    Goal goal = new Goal();
    goal.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/care-plan",
        new Reference("CarePlan/" + plan.getIdPart()));
    goal.setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED);
    goal.setDescription(new CodeableConcept().setText("Walk 30 minutes without pain"));
    goal.setSubject(new Reference("Patient/" + patient.getIdPart()));
    goal.setStart(new DateType("2026-03-02"));

    MethodOutcome created = client.create().resource(goal).execute();
    Goal stored = client.read().resource(Goal.class).withId(created.getId().getIdPart()).execute();
    assertThat(stored.getDescription().getText()).isEqualTo("Walk 30 minutes without pain");
    CarePlan withGoal = client.read().resource(CarePlan.class).withId(plan.getIdPart()).execute();
    assertThat(withGoal.getGoal())
        .extracting(Reference::getReference)
        .contains("Goal/" + created.getId().getIdPart());

    stored.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
    client.update().resource(stored).withId(stored.getIdElement()).execute();
    assertThatThrownBy(
            () -> client.update().resource(stored).withId(stored.getIdElement()).execute())
        .isInstanceOf(PreconditionFailedException.class);
    Bundle history =
        client
            .history()
            .onInstance(created.getId().toVersionless())
            .returnBundle(Bundle.class)
            .execute();
    assertThat(history.getEntry()).hasSize(2);
  }

  @Test
  void aPlannedSessionIsRecordedAsAttendedWithIfMatch(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Session");
    IdType plan =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patient.getIdPart(), "active"))
                .execute()
                .getId();
    Procedure planned = new Procedure();
    planned.setStatus(Procedure.ProcedureStatus.PREPARATION);
    planned.setCode(new CodeableConcept(new Coding(LUMBRA, "massage-therapy", null)));
    planned.setSubject(new Reference("Patient/" + patient.getIdPart()));
    planned.addBasedOn(new Reference("CarePlan/" + plan.getIdPart()));
    planned.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/scheduled-at",
        new DateTimeType("2026-03-04T10:00:00+01:00"));
    planned.addBodySite(new CodeableConcept(new Coding(LUMBRA, "region-lower-back", null)));
    IdType id = (IdType) client.create().resource(planned).execute().getId();

    Procedure attended = client.read().resource(Procedure.class).withId(id.getIdPart()).execute();
    attended.setStatus(Procedure.ProcedureStatus.COMPLETED);
    attended.setPerformed(
        new Period()
            .setStartElement(new DateTimeType("2026-03-04T10:05:00+01:00"))
            .setEndElement(new DateTimeType("2026-03-04T10:50:00+01:00")));
    attended.addPerformer().setActor(new Reference().setDisplay("Jo Therapist"));
    attended.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/technique",
        new Coding(LUMBRA, "technique-kneading", null));
    client.update().resource(attended).withId(attended.getIdElement()).execute();

    Procedure read = client.read().resource(Procedure.class).withId(id.getIdPart()).execute();
    assertThat(read.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
    assertThat(read.getPerformedPeriod().getStartElement().getValueAsString())
        .isEqualTo("2026-03-04T10:05:00+01:00");
    assertThat(
            client
                .read()
                .resource(Procedure.class)
                .withIdAndVersion(id.getIdPart(), id.getVersionIdPart())
                .execute()
                .getStatus())
        .isEqualTo(Procedure.ProcedureStatus.PREPARATION);
  }

  @Test
  void conditionalObservationCreateDoesNotDuplicateAReading(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    String patientId = FhirClients.createPatient(client, "NoDuplicates").getIdPart();
    Observation pain = FhirClients.pain(patientId, 6, "2026-03-02T10:00:00Z");
    String condition =
        "Observation?patient="
            + patientId
            + "&code=http://loinc.org|72514-3&date=2026-03-02T10:00:00Z";
    MethodOutcome first = client.create().resource(pain).conditionalByUrl(condition).execute();
    MethodOutcome second = client.create().resource(pain).conditionalByUrl(condition).execute();

    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(
            client
                .search()
                .byUrl("Observation?patient=" + patientId)
                .returnBundle(Bundle.class)
                .execute()
                .getTotal())
        .isEqualTo(1);
  }

  @Test
  void summaryAndElementsTrimTheResponse(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Trimmed");
    Bundle count =
        client
            .search()
            .byUrl("Patient?name=Trimmed&_summary=count")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(count.getTotal()).isGreaterThanOrEqualTo(1);
    assertThat(count.getEntry()).isEmpty();
    Patient onlyBirthDate =
        client
            .read()
            .resource(Patient.class)
            .withId(patient.getIdPart())
            .elementsSubset("birthDate")
            .execute();
    assertThat(onlyBirthDate.hasBirthDate()).isTrue();
    assertThat(onlyBirthDate.hasName()).isFalse();
  }

  @Test
  void formatAndPrettyChooseTheEncodingOfAResource(LumbraProcess lumbra) throws Exception {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Formatted");
    HttpClient http = HttpClient.newHttpClient();
    Function<String, HttpResponse<String>> get =
        query -> {
          try {
            return http.send(
                HttpRequest.newBuilder(lumbra.uri("/fhir/Patient/" + patient.getIdPart() + query))
                    .header("Authorization", lumbra.authorization())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };

    var compactJson = get.apply("");
    assertThat(compactJson.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+json");
    assertThat(compactJson.body()).startsWith("{\"resourceType\":\"Patient\"");
    assertThat(compactJson.headers().firstValueAsLong("Content-Length"))
        .hasValue(compactJson.body().getBytes(StandardCharsets.UTF_8).length);

    var prettyJson = get.apply("?_pretty=true");
    assertThat(prettyJson.body()).startsWith("{\n").contains("\"resourceType\": \"Patient\"");

    var xml = get.apply("?_format=xml");
    assertThat(xml.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+xml");
    assertThat(xml.body()).startsWith("<Patient xmlns=\"http://hl7.org/fhir\">");
  }
}
