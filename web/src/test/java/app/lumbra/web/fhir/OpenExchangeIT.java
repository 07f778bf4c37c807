package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fhir.support.NothingDropped;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FHIR-1 and FHIR-6: what a US Core 8.0.0 client sends is accepted, kept whole and found again.
 * Every published US Core example of the six types (conformance/us-core-8.0.0/examples), with its
 * patient references rewritten to a patient that exists, and EHR-shaped fixtures of our own, is
 * created and read back element by element.
 */
@ExtendWith(SharedLumbra.class)
class OpenExchangeIT {

  private static final Set<String> TYPES =
      Set.of("Patient", "Condition", "CarePlan", "Goal", "Procedure", "Observation");

  /** The US Core examples of one type, as a client would send them (no server id). */
  static List<DomainResource> examples(String type) throws IOException {
    Path folder = Path.of(System.getProperty("lumbra.us-core.dir"), "examples");
    List<DomainResource> examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        IBaseResource parsed =
            FhirClients.FHIR.newJsonParser().parseResource(Files.readString(file));
        if (parsed.fhirType().equals(type) && TYPES.contains(type)) {
          DomainResource example = (DomainResource) parsed;
          example.setUserData("file", file.getFileName().toString());
          examples.add(example);
        }
      }
    }
    return examples;
  }

  /** Points every reference to a Patient at {@code patientId}; all others stay as sent. */
  private static <T extends DomainResource> T forPatient(T example, String patientId) {
    T sent = example;
    sent.setId((String) null);
    for (Reference reference :
        FhirClients.FHIR.newTerser().getAllPopulatedChildElementsOfType(sent, Reference.class)) {
      if (reference.getReference() != null && reference.getReference().startsWith("Patient/")) {
        reference.setReference("Patient/" + patientId);
      }
    }
    return sent;
  }

  /** Creates {@code sent}, reads it back, and checks that nothing sent is missing. */
  private static <T extends DomainResource> T createdWhole(IGenericClient client, T sent) {
    String what = sent.fhirType() + " " + sent.getUserData("file");
    MethodOutcome outcome = client.create().resource(sent).execute();
    assertThat(outcome.getCreated()).as(what).isTrue();
    @SuppressWarnings("unchecked")
    T read =
        (T) client.read().resource(sent.getClass()).withId(outcome.getId().getIdPart()).execute();
    assertThat(NothingDropped.dropped(sent, read)).as(what).isEmpty();
    for (CanonicalType profile : sent.getMeta().getProfile()) {
      assertThat(read.getMeta().hasProfile(profile.getValue())).as(what).isTrue();
    }
    if (sent.hasText()) {
      assertThat(read.getText().getDivAsString())
          .as(what)
          .isEqualTo(sent.getText().getDivAsString());
    }
    return read;
  }

  private static int count(IGenericClient client, String query) {
    Bundle bundle =
        client.search().byUrl(query + "&_count=200").returnBundle(Bundle.class).execute();
    return bundle.getTotal();
  }

  @Test
  void fhir1EveryUsCoreExamplePatientIsAcceptedAndReadBackWhole(LumbraProcess lumbra)
      throws IOException {
    IGenericClient client = FhirClients.client(lumbra);
    for (DomainResource example : examples("Patient")) {
      createdWhole(client, forPatient(example, "unused"));
    }
  }

  @Test
  void fhir1EveryUsCoreExampleOfTheOtherTypesIsKeptWholeAndFoundByUsCoreSearches(
      LumbraProcess lumbra) throws IOException {
    IGenericClient client = FhirClients.client(lumbra);
    String patientId = FhirClients.createPatient(client, "UsCoreExamples").getIdPart();
    List<Observation> observations = new ArrayList<>();
    for (String type : List.of("Condition", "Goal", "Procedure", "CarePlan", "Observation")) {
      for (DomainResource example : examples(type)) {
        DomainResource read = createdWhole(client, forPatient(example, patientId));
        if (read instanceof Observation observation) {
          observations.add(observation);
        }
      }
    }
    assertThat(observations).hasSize(examples("Observation").size());

    // FHIR-9: US Core's SHALL combinations find the kept context, and only what matches.
    String patient = "patient=" + patientId;
    long vitalSigns =
        observations.stream().filter(o -> hasCategory(o.getCategory(), "vital-signs")).count();
    assertThat(vitalSigns).isPositive();
    assertThat(count(client, "Observation?" + patient + "&category=vital-signs"))
        .isEqualTo((int) vitalSigns);
    assertThat(count(client, "Observation?" + patient + "&code=http://loinc.org|8310-5"))
        .isEqualTo(
            (int)
                observations.stream()
                    .filter(o -> hasCode(o.getCode(), "http://loinc.org", "8310-5"))
                    .count());
    assertThat(count(client, "Observation?" + patient + "&category=vital-signs&date=ge3000-01-01"))
        .isZero();
    assertThat(count(client, "Observation?" + patient + "&code=http://loinc.org|no-such-code"))
        .isZero();
    int conditions = examples("Condition").size();
    assertThat(count(client, "Condition?" + patient)).isEqualTo(conditions);
    int problems =
        (int)
            examples("Condition").stream()
                .filter(c -> hasCategory(((Condition) c).getCategory(), "problem-list-item"))
                .count();
    assertThat(count(client, "Condition?" + patient + "&category=problem-list-item"))
        .isEqualTo(problems);
    assertThat(count(client, "Procedure?" + patient)).isEqualTo(examples("Procedure").size());
    assertThat(count(client, "Goal?" + patient)).isEqualTo(examples("Goal").size());
    assertThat(count(client, "CarePlan?" + patient)).isEqualTo(examples("CarePlan").size());
    assertThat(count(client, "CarePlan?" + patient + "&category=assess-plan"))
        .isEqualTo(examples("CarePlan").size());
    assertThat(count(client, "Procedure?" + patient + "&code=http://snomed.info/sct|387854002"))
        .isZero();
  }

  private static boolean hasCategory(List<CodeableConcept> categories, String code) {
    return categories.stream()
        .flatMap(c -> c.getCoding().stream())
        .anyMatch(c -> code.equals(c.getCode()));
  }

  private static boolean hasCode(CodeableConcept concept, String system, String code) {
    for (Coding coding : concept.getCoding()) {
      if (system.equals(coding.getSystem()) && code.equals(coding.getCode())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void fhir6AFlowsheetPainScoreIsAReadingKeptWholeAndItsRulesStillHold(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    String patientId = FhirClients.createPatient(client, "Flowsheet").getIdPart();
    Observation flowsheet = FhirClients.pain(patientId, 6, "2026-03-02T10:00:00+01:00");
    flowsheet
        .getMeta()
        .addProfile(
            "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment");
    flowsheet
        .getCode()
        .addCoding(
            new Coding("urn:oid:1.2.840.114350.1.13.0.1.7.2.707679", "3040104", "Pain score"));
    flowsheet.setValue(new IntegerType(6));
    flowsheet.addIdentifier().setSystem("urn:ehr:flowsheet-row").setValue("FSD-991");
    flowsheet.getEncounter().setReference("Encounter/ehr-visit-7");
    flowsheet.addPerformer().setReference("Practitioner/ehr-nurse-3").setDisplay("R. Nurse");
    flowsheet.addNote().setText("Reported at triage");

    createdWhole(client, flowsheet);
    assertThat(FhirClients.readingsOf(client, patientId)).hasSize(1);

    Observation eleven = flowsheet.copy();
    eleven.setValue(new IntegerType(11));
    assertThatThrownBy(() -> client.create().resource(eleven).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isIn(400, 422);
              assertThat(refused.getMessage()).contains("0 to 10");
            });
    assertThat(FhirClients.readingsOf(client, patientId)).hasSize(1);
  }

  @Test
  void fhir8ConditionalUpdateOnAnIdentifierCreatesThenUpdatesTheSamePatient(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient patient = FhirClients.newPatient("Conditional");
    String mrn = patient.getIdentifierFirstRep().getValue();
    String url = "Patient?identifier=" + FhirClients.MRN + "|" + mrn;

    MethodOutcome first = client.update().resource(patient).conditionalByUrl(url).execute();
    assertThat(first.getCreated()).isTrue();
    patient.setBirthDateElement(new DateType("1971-04-05"));
    MethodOutcome second = client.update().resource(patient).conditionalByUrl(url).execute();

    assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(second.getId().getVersionIdPart()).isEqualTo("2");
    assertThat(
            client
                .read()
                .resource(Patient.class)
                .withId(first.getId().getIdPart())
                .execute()
                .getBirthDateElement()
                .getValueAsString())
        .isEqualTo("1971-04-05");
  }

  @Test
  void fhir8AConditionalReferenceInATransactionFindsThePatientByIdentifier(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient patient = FhirClients.newPatient("ConditionalReference");
    String patientId = client.create().resource(patient).execute().getId().getIdPart();
    Observation pain = FhirClients.pain(patientId, 5, "2026-03-02T10:00:00+01:00");
    pain.getSubject()
        .setReference(
            "Patient?identifier="
                + FhirClients.MRN
                + "|"
                + patient.getIdentifierFirstRep().getValue());
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction
        .addEntry()
        .setResource(pain)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");

    client.transaction().withBundle(transaction).execute();

    assertThat(FhirClients.readingsOf(client, patientId)).hasSize(1);
    pain.getSubject().setReference("Patient?identifier=" + FhirClients.MRN + "|nobody-has-this");
    assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> assertThat(refused.getStatusCode()).isEqualTo(400));
    assertThat(FhirClients.readingsOf(client, patientId)).hasSize(1);
  }

  @Test
  void fhir8ClientAssignedIdsCreateOnUpdateAndAReadingNeverChanges(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    String mrn = "mrn-" + UUID.randomUUID().toString().substring(0, 8);
    Patient patient = new Patient();
    patient.setId("Patient/" + mrn);
    patient.addName().setFamily("OnlyFamily");

    MethodOutcome created = client.update().resource(patient).execute();
    assertThat(created.getCreated()).isTrue();
    assertThat(created.getId().getIdPart()).isEqualTo(mrn);
    patient.addTelecom().setValue("+1 555 0100");
    MethodOutcome updated = client.update().resource(patient).execute();
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
    Patient read = client.read().resource(Patient.class).withId(mrn).execute();
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("OnlyFamily");
    assertThat(read.hasBirthDate()).isFalse();
    assertThat(read.getTelecomFirstRep().getValue()).isEqualTo("+1 555 0100");

    Observation pain = FhirClients.pain(mrn, 4, "2026-03-02T10:00:00+01:00");
    pain.setId("Observation/" + mrn + "-pain-1");
    assertThat(client.update().resource(pain).execute().getCreated()).isTrue();
    pain.setValue(new IntegerType(5));
    assertThatThrownBy(() -> client.update().resource(pain).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> assertThat(refused.getStatusCode()).isEqualTo(422));
    assertThat(FhirClients.readingsOf(client, mrn)).hasSize(1);

    // A record kept as context (a heart rate) never becomes a reading of Lumbra's measures: the
    // reading is a new Observation, and a search for the measure finds only the readings.
    Observation heartRate = new Observation();
    heartRate.setId("Observation/" + mrn + "-hr-1");
    heartRate.setStatus(Observation.ObservationStatus.FINAL);
    heartRate.getCode().addCoding(new Coding("http://loinc.org", "8867-4", "Heart rate"));
    heartRate.setSubject(new Reference("Patient/" + mrn));
    heartRate.setEffective(new DateTimeType("2026-03-02T10:00:00+01:00"));
    heartRate.setValue(new Quantity(72).setUnit("/min"));
    assertThat(client.update().resource(heartRate).execute().getCreated()).isTrue();
    Observation recoded = FhirClients.pain(mrn, 6, "2026-03-02T10:05:00+01:00");
    recoded.setId("Observation/" + mrn + "-hr-1");
    assertThatThrownBy(() -> client.update().resource(recoded).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(422);
              assertThat(refused.getMessage()).contains("new Observation");
            });
    assertThat(
            client
                .read()
                .resource(Observation.class)
                .withId(mrn + "-hr-1")
                .execute()
                .getCode()
                .getCodingFirstRep()
                .getCode())
        .isEqualTo("8867-4");
    assertThat(FhirClients.readingsOf(client, mrn)).hasSize(2);
    assertThat(
            count(client, "Observation?subject=Patient/" + mrn + "&code=http://loinc.org|72514-3"))
        .isEqualTo(1);
    assertThat(
            count(client, "Observation?subject=Patient/" + mrn + "&code=http://loinc.org|8867-4"))
        .isEqualTo(1);
  }

  @Test
  void fhir6AProblemListLowBackPainIsUnderstoodWithoutLumbrasExtensions(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    String patientId = FhirClients.createPatient(client, "ProblemList").getIdPart();
    Condition problem = new Condition();
    problem.setId("Condition/ehr-lbp-" + patientId.substring(0, 8));
    problem
        .getMeta()
        .addProfile(
            "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-problems-health-concerns");
    problem
        .addCategory()
        .addCoding(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-category",
                "problem-list-item",
                "Problem List Item"));
    problem
        .getClinicalStatus()
        .addCoding(
            new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
    problem
        .getCode()
        .addCoding(new Coding("http://snomed.info/sct", "279039007", "Low back pain"))
        .addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M54.50", null))
        .setText("Low back pain");
    problem.getSubject().setReference("Patient/" + patientId);
    problem.setOnset(new DateTimeType("2025-01-10"));
    problem.setRecordedDateElement(new DateTimeType("2026-03-02"));
    problem.addNote().setText("Referred by primary care");
    problem
        .getSeverity()
        .addCoding(new Coding("http://snomed.info/sct", "6736007", "Moderate severity"));

    MethodOutcome outcome = client.update().resource(problem).execute();
    assertThat(outcome.getCreated()).isTrue();
    Condition read =
        client.read().resource(Condition.class).withId(outcome.getId().getIdPart()).execute();
    assertThat(NothingDropped.dropped(problem, read)).isEmpty();
    // FHIR-6: onset over 12 weeks before it was recorded: chronic, derived and said in Lumbra's
    // extension beside what was sent.
    assertThat(
            ((Coding)
                    read.getExtensionByUrl("https://lumbra.app/fhir/StructureDefinition/onset-type")
                        .getValue())
                .getCode())
        .isEqualTo("onset-chronic");
    assertThat(
            count(
                client,
                "Condition?patient=" + patientId + "&code=http://snomed.info/sct|279039007"))
        .isEqualTo(1);
  }

  /** A problem-list low-back-pain Condition as an EHR sends it: SNOMED CT + ICD-10-CM, severity. */
  private static String lowBackPain(IGenericClient client, String patientId) {
    Condition problem = new Condition();
    problem
        .addCategory()
        .addCoding(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-category",
                "problem-list-item",
                null));
    problem
        .getClinicalStatus()
        .addCoding(
            new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
    problem
        .getCode()
        .addCoding(new Coding("http://snomed.info/sct", "279039007", "Low back pain"))
        .addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M54.50", null));
    problem.getSubject().setReference("Patient/" + patientId);
    problem.setOnset(new DateTimeType("2025-01-10"));
    problem.setRecordedDateElement(new DateTimeType("2026-03-01"));
    problem
        .getSeverity()
        .addCoding(new Coding("http://snomed.info/sct", "6736007", "Moderate severity"));
    return client.create().resource(problem).execute().getId().getIdPart();
  }

  /**
   * A referral as an EHR orders massage: US Core CarePlan, intent order, SNOMED CT 387854002 twice
   * a week for six weeks, none of Lumbra's extensions.
   */
  private static CarePlan referral(String patientId, String conditionId, int perWeek) {
    CarePlan plan = new CarePlan();
    plan.getMeta().addProfile("http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan");
    plan.getText()
        .setStatus(Narrative.NarrativeStatus.ADDITIONAL)
        .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Massage referral</div>");
    plan.addIdentifier().setSystem("urn:ehr:orders").setValue("ORD-" + patientId.substring(0, 8));
    plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
    plan.setIntent(CarePlan.CarePlanIntent.ORDER);
    plan.addCategory()
        .addCoding(
            new Coding(
                "http://hl7.org/fhir/us/core/CodeSystem/careplan-category", "assess-plan", null));
    plan.getSubject().setReference("Patient/" + patientId);
    plan.addAddresses().setReference("Condition/" + conditionId);
    plan.getPeriod().setStartElement(new DateTimeType("2026-03-02"));
    plan.getAuthor().setReference("Practitioner/ehr-gp-12").setDisplay("Dr. Referrer");
    CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
    detail
        .getCode()
        .addCoding(new Coding("http://snomed.info/sct", "387854002", "Massage"))
        .setText("Massage therapy");
    detail.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
    Timing.TimingRepeatComponent repeat = detail.getScheduledTiming().getRepeat();
    repeat.setFrequency(perWeek).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
    repeat.setBounds(new Duration().setValue(6).setCode("wk"));
    detail.getPerformerFirstRep().setReference("Practitioner/ehr-mt-4");
    detail.setDescription("Twice a week for six weeks, with the home exercise programme");
    return plan;
  }

  @Test
  void fhir6AReferralCarePlanIsReadWithItsConditionAndPlan3StillHolds(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    String patientId = FhirClients.createPatient(client, "Referral").getIdPart();
    String conditionId = lowBackPain(client, patientId);

    // A Goal the EHR sent on its own (no plan yet): kept as the patient's clinical context.
    Goal goal = new Goal();
    goal.getMeta().addProfile("http://hl7.org/fhir/us/core/StructureDefinition/us-core-goal");
    goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
    goal.getDescription().setText("Walk 30 minutes without stopping for back pain");
    goal.getSubject().setReference("Patient/" + patientId);
    goal.setStart(new DateType("2026-03-02"));
    goal.addTarget().setDue(new DateType("2026-04-13"));
    goal.getExpressedBy().setReference("Practitioner/ehr-gp-12");
    String goalId = client.create().resource(goal).execute().getId().getIdPart();

    CarePlan sent = referral(patientId, conditionId, 2);
    sent.addGoal().setReference("Goal/" + goalId);
    MethodOutcome outcome =
        client.create().resource(sent).prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();
    assertThat(outcome.getCreated()).isTrue();
    // What Lumbra assumed is said, not silently done.
    assertThat(
            FhirClients.FHIR.newJsonParser().encodeResourceToString(outcome.getOperationOutcome()))
        .contains("Assumed")
        .contains("patient factors");
    String planId = outcome.getId().getIdPart();
    CarePlan read = client.read().resource(CarePlan.class).withId(planId).execute();
    assertThat(NothingDropped.dropped(sent, read)).isEmpty();
    assertThat(read.getIntent()).isEqualTo(CarePlan.CarePlanIntent.ORDER);
    // FHIR-6: the factors come from the addressed condition (onset over 12 weeks: chronic).
    Extension factors =
        read.getExtensionByUrl("https://lumbra.app/fhir/StructureDefinition/patient-factors");
    assertThat(((Coding) factors.getExtensionByUrl("onsetType").getValue()).getCode())
        .isEqualTo("onset-chronic");
    assertThat(((Coding) factors.getExtensionByUrl("severity").getValue()).getCode())
        .isEqualTo("severity-moderate");
    assertThat(count(client, "CarePlan?patient=" + patientId + "&status=active")).isEqualTo(1);
    // FHIR-6 "Goal stands on its own": the plan that links it adopts it, under its own id, and
    // nothing the EHR sent of it is lost.
    Goal adopted = client.read().resource(Goal.class).withId(goalId).execute();
    assertThat(NothingDropped.dropped(goal, adopted)).isEmpty();
    assertThat(
            ((Reference)
                    adopted
                        .getExtensionByUrl("https://lumbra.app/fhir/StructureDefinition/care-plan")
                        .getValue())
                .getReference())
        .isEqualTo("CarePlan/" + planId);
    assertThat(read.getGoalFirstRep().getReference()).isEqualTo("Goal/" + goalId);
    assertThat(count(client, "Goal?patient=" + patientId)).isEqualTo(1);

    // FHIR-6 item 6: the rules still hold; nothing of a refused plan is stored.
    assertThatThrownBy(
            () -> client.create().resource(referral(patientId, conditionId, 6)).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(422);
              assertThat(refused.getMessage()).contains("PLAN-3");
            });
    assertThat(count(client, "CarePlan?patient=" + patientId)).isEqualTo(1);

    // A session Procedure as the EHR records it: SNOMED CT massage and body sites, no basedOn
    // (the patient's one active plan), a plain note, references Lumbra does not serve.
    Procedure session = new Procedure();
    session
        .getMeta()
        .addProfile("http://hl7.org/fhir/us/core/StructureDefinition/us-core-procedure");
    session.setStatus(Procedure.ProcedureStatus.COMPLETED);
    session.getCode().addCoding(new Coding("http://snomed.info/sct", "387854002", "Massage"));
    session.getSubject().setReference("Patient/" + patientId);
    session.getEncounter().setReference("Encounter/ehr-visit-31");
    session
        .getPerformedPeriod()
        .setStartElement(new DateTimeType("2026-03-04T10:00:00+01:00"))
        .setEndElement(new DateTimeType("2026-03-04T10:45:00+01:00"));
    session.addPerformer().getActor().setReference("Practitioner/ehr-mt-4").setDisplay("M. T.");
    session.addBodySite().addCoding(new Coding("http://snomed.info/sct", "1141985005", null));
    session.addBodySite().addCoding(new Coding("http://snomed.info/sct", "29836001", null));
    session.addBodySite().addCoding(new Coding("http://snomed.info/sct", "68367000", "Thigh"));
    session.addNote().setText("Tolerated well");

    Procedure recorded = createdWhole(client, session);
    assertThat(recorded.getBasedOnFirstRep().getReference()).isEqualTo("CarePlan/" + planId);
    assertThat(
            count(
                client,
                "Procedure?patient=" + patientId + "&code=http://snomed.info/sct|387854002"))
        .isEqualTo(1);

    // FHIR-8: a client id on a session and on a plan creates them.
    Procedure planned = session.copy();
    planned.setId("Procedure/ehr-session-" + patientId.substring(0, 8));
    planned.getPerformedPeriod().setStartElement(new DateTimeType("2026-03-07T10:00:00+01:00"));
    planned.getPerformedPeriod().setEndElement(new DateTimeType("2026-03-07T10:45:00+01:00"));
    assertThat(client.update().resource(planned).execute().getCreated()).isTrue();
    CarePlan second = referral(patientId, conditionId, 1);
    second.setStatus(CarePlan.CarePlanStatus.DRAFT);
    second.setId("CarePlan/ehr-plan-" + patientId.substring(0, 8));
    assertThat(client.update().resource(second).execute().getCreated()).isTrue();
    assertThat(count(client, "CarePlan?patient=" + patientId)).isEqualTo(2);
  }
}
