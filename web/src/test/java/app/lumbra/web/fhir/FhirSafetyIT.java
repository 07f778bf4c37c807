package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SAFE-2 and SAFE-4 over FHIR (black box): a plan with a ruled-out technique is a 422 naming
 * SAFE-2, and alerts are read and searched as {@code DetectedIssue}.
 */
@ExtendWith(SharedLumbra.class)
class FhirSafetyIT {

  private static final String RULES = "https://lumbra.app/fhir/CodeSystem/lumbra-rule";

  private static List<DetectedIssue> issues(IGenericClient client, String query) {
    Bundle bundle =
        client.search().byUrl("DetectedIssue?" + query).returnBundle(Bundle.class).execute();
    return bundle.getEntry().stream().map(entry -> (DetectedIssue) entry.getResource()).toList();
  }

  /** The EHR's problem list: age-related osteoporosis, ICD-10-CM M81.0. */
  private static Condition osteoporosis(String patientId) {
    Condition condition = new Condition();
    condition.setSubject(new Reference("Patient/" + patientId));
    condition.setClinicalStatus(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
    condition
        .addCategory()
        .addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/condition-category")
        .setCode("problem-list-item");
    condition
        .getCode()
        .addCoding()
        .setSystem("http://hl7.org/fhir/sid/icd-10-cm")
        .setCode("M81.0")
        .setDisplay("Age-related osteoporosis without current pathological fracture");
    return condition;
  }

  private static CarePlan withDeepTissue(String patientId) {
    String json =
        FhirClients.FHIR
            .newJsonParser()
            .encodeResourceToString(FhirClients.carePlan(patientId, "active"))
            .replace("technique-myofascial-release", "technique-deep-tissue");
    return FhirClients.FHIR.newJsonParser().parseResource(CarePlan.class, json);
  }

  @Test
  void safe2APlanWithDeepTissueForAPatientWithOsteoporosisFromTheEhrIs422(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Osteo");
    client.create().resource(osteoporosis(patient.getIdPart())).execute();

    assertThatThrownBy(
            () -> client.create().resource(withDeepTissue(patient.getIdPart())).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            refused -> {
              OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
              assertThat(outcome.getIssueFirstRep().getDiagnostics())
                  .startsWith("SAFE-2")
                  .contains("Deep-tissue work is ruled out by Osteoporosis")
                  .contains("ICD-10-CM M81.0");
            });
    Bundle plans =
        client
            .search()
            .forResource(CarePlan.class)
            .where(CarePlan.PATIENT.hasId(patient.getIdPart()))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(plans.getEntry()).isEmpty();
  }

  @Test
  void safe4APlanWithoutRedFlagScreenIsAcceptedAndItsAlertIsReadAsDetectedIssue(
      LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Screen");
    IdType plan =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patient.getIdPart(), "active"))
                .execute()
                .getId();

    List<DetectedIssue> found =
        issues(client, "patient=Patient/" + patient.getIdPart() + "&code=" + RULES + "|SAFE-1");

    assertThat(found).hasSize(1);
    DetectedIssue issue = found.get(0);
    assertThat(issue.getCode().getCodingFirstRep().getSystem()).isEqualTo(RULES);
    assertThat(issue.getCode().getCodingFirstRep().getCode()).isEqualTo("SAFE-1");
    assertThat(issue.getCode().getText()).isEqualTo("No red-flag screen recorded");
    assertThat(issue.getDetail()).contains("Screen for serious spinal pathology");
    assertThat(issue.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
    assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.MODERATE);
    assertThat(issue.getPatient().getReference()).isEqualTo("Patient/" + patient.getIdPart());
    assertThat(issue.getImplicatedFirstRep().getReference())
        .isEqualTo("CarePlan/" + plan.getIdPart());
    assertThat(issue.hasIdentifiedDateTimeType()).isTrue();

    DetectedIssue read =
        client
            .read()
            .resource(DetectedIssue.class)
            .withId(issue.getIdElement().getIdPart())
            .execute();
    assertThat(read.getDetail()).isEqualTo(issue.getDetail());
    assertThat(issues(client, "patient=" + patient.getIdPart() + "&code=SAFE-3")).isEmpty();
    assertThat(issues(client, "patient=" + patient.getIdPart() + "&identified=ge2020-01-01"))
        .extracting(found1 -> found1.getIdElement().getIdPart())
        .contains(issue.getIdElement().getIdPart());
    assertThat(issues(client, "patient=" + patient.getIdPart() + "&date=lt2020-01-01")).isEmpty();

    Bundle everything =
        client
            .operation()
            .onInstance(patient)
            .named("$everything")
            .withNoParameters(Parameters.class)
            .returnResourceType(Bundle.class)
            .execute();
    assertThat(everything.getEntry())
        .extracting(entry -> entry.getResource().getIdElement().getIdPart())
        .contains(issue.getIdElement().getIdPart());
  }

  /**
   * Alerts are brought up to date when they are read; eight first reads at once raise the plan's
   * SAFE-1 alert once and all succeed (the refresh locks the plan).
   */
  @Test
  void safe4ConcurrentFirstReadsRaiseAnAlertOnce(LumbraProcess lumbra) throws Exception {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Concurrent");
    client.create().resource(FhirClients.carePlan(patient.getIdPart(), "active")).execute();
    String query = "patient=Patient/" + patient.getIdPart() + "&code=" + RULES + "|SAFE-1";
    ExecutorService readers = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<DetectedIssue>>> reads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        reads.add(
            readers.submit(
                () -> {
                  start.await();
                  return issues(client, query);
                }));
      }
      start.countDown();
      for (Future<List<DetectedIssue>> read : reads) {
        assertThat(read.get(60, TimeUnit.SECONDS)).hasSize(1);
      }
    } finally {
      readers.shutdownNow();
    }
    assertThat(issues(client, query)).hasSize(1);
  }

  /** The rules and the red-flag screen's items are served as CodeSystems a partner can load. */
  @Test
  void safe4TheRuleAndRedFlagCodeSystemsAreServed(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);

    Bundle rules =
        client.search().byUrl("CodeSystem?url=" + RULES).returnBundle(Bundle.class).execute();
    CodeSystem screen =
        client.read().resource(CodeSystem.class).withId("lumbra-red-flag").execute();

    assertThat(rules.getEntry()).hasSize(1);
    assertThat(((CodeSystem) rules.getEntryFirstRep().getResource()).getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
        .contains("SAFE-1", "SAFE-2", "OUT-3", "FHIR-9");
    assertThat(screen.getUrl()).isEqualTo(SCREEN);
    assertThat(screen.getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
        .containsAll(ITEMS);
  }

  @Test
  void safe4DetectedIssueIsListedInTheCapabilityStatement(LumbraProcess lumbra) {
    CapabilityStatement metadata =
        FhirClients.client(lumbra).capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(metadata.getRestFirstRep().getResource())
        .filteredOn(resource -> resource.getType().equals("DetectedIssue"))
        .singleElement()
        .satisfies(
            resource ->
                assertThat(resource.getSearchParam())
                    .extracting(
                        CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent
                            ::getName)
                    .contains("patient", "code", "identified", "date"));
  }

  @Test
  void safe1AScreenTimedToTheMinuteIsAcceptedAsSent(LumbraProcess lumbra) throws Exception {
    // FHIR's dateTime wants seconds; EHRs send minutes often enough that refusing would be rude,
    // and what the time means is clear.
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Minute");
    String planId =
        client
            .create()
            .resource(FhirClients.carePlan(patient.getIdPart(), "draft"))
            .execute()
            .getId()
            .getIdPart();
    Observation panel = screenWithSaddleNumbness(patient.getIdPart(), planId);
    panel.setEffective(new DateTimeType("2026-10-25T09:00:00Z"));
    // HAPI's model refuses to hold minutes only, so the EHR's JSON is written out by hand.
    String json =
        FhirClients.FHIR
            .newJsonParser()
            .encodeResourceToString(panel)
            .replace("\"2026-10-25T09:00:00Z\"", "\"2026-10-25T09:00Z\"");
    assertThat(json).contains("\"effectiveDateTime\":\"2026-10-25T09:00Z\"");

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(lumbra.uri("/fhir/Observation"))
                    .header("Content-Type", "application/fhir+json")
                    .header("Authorization", lumbra.authorization())
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    IdType created = new IdType(response.headers().firstValue("Location").orElseThrow());

    Observation read =
        client.read().resource(Observation.class).withId(created.getIdPart()).execute();
    assertThat(read.getEffectiveDateTimeType().getValue())
        .isEqualTo(Date.from(Instant.parse("2026-10-25T09:00:00Z")));
  }

  private static final String SCREEN = "https://lumbra.app/fhir/CodeSystem/lumbra-red-flag";
  private static final List<String> ITEMS =
      List.of(
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
          "INTRAVENOUS_DRUG_USE");

  /** The EHR's red-flag screen of the plan: every item answered, saddle numbness present. */
  private static Observation screenWithSaddleNumbness(String patientId, String planId) {
    Observation panel = new Observation();
    panel.setStatus(Observation.ObservationStatus.FINAL);
    panel
        .addCategory()
        .addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
        .setCode("survey");
    panel.getCode().addCoding().setSystem(SCREEN).setCode("red-flag-screen");
    panel.setSubject(new Reference("Patient/" + patientId));
    panel.addBasedOn(new Reference("CarePlan/" + planId));
    panel.setEffective(DateTimeType.now());
    panel.addPerformer().setDisplay("Dr Kim");
    for (String item : ITEMS) {
      panel
          .addComponent()
          .setValue(new BooleanType(item.equals("SADDLE_NUMBNESS")))
          .getCode()
          .addCoding()
          .setSystem(SCREEN)
          .setCode(item);
    }
    return panel;
  }

  @Test
  void safe1AScreenPanelFromTheEhrIsThePlansScreenAndAPositiveOneBlocksActivation(
      LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Panel");
    String planId =
        client
            .create()
            .resource(FhirClients.carePlan(patient.getIdPart(), "draft"))
            .execute()
            .getId()
            .getIdPart();

    IdType screen =
        (IdType)
            client
                .create()
                .resource(screenWithSaddleNumbness(patient.getIdPart(), planId))
                .execute()
                .getId();

    Observation read =
        client.read().resource(Observation.class).withId(screen.getIdPart()).execute();
    assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("red-flag-screen");
    assertThat(read.getComponent()).hasSize(ITEMS.size());
    CarePlan plan = client.read().resource(CarePlan.class).withId(planId).execute();
    plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
    assertThatThrownBy(() -> client.update().resource(plan).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            refused ->
                assertThat(
                        ((OperationOutcome) refused.getOperationOutcome())
                            .getIssueFirstRep()
                            .getDiagnostics())
                    .startsWith("SAFE-1")
                    .contains(
                        "Refer for urgent medical assessment: suspected cauda equina syndrome"
                            + " (saddle numbness)"));
    assertThat(issues(client, "patient=" + patient.getIdPart() + "&code=SAFE-1"))
        .extracting(DetectedIssue::getSeverity, issue -> issue.getCode().getText())
        .contains(
            Tuple.tuple(
                DetectedIssue.DetectedIssueSeverity.HIGH,
                "Red-flag screen positive: refer for urgent medical assessment"));
  }
}
