package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** FHIR-3: the searches EHRs use, as indexed, paged queries (black box). */
@ExtendWith(SharedLumbra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirSearchIT {

  private static final String LUMBRA = "https://lumbra.app/fhir/CodeSystem/lumbra";

  private IGenericClient client;
  private Patient patient;
  private String patientId;
  private String conditionId;
  private String planId;
  private String procedureId;

  @BeforeAll
  void aPatientWithAPlanASessionAndReadings(LumbraProcess lumbra) {
    client = FhirClients.client(lumbra);
    patient = FhirClients.newPatient("Searchable");
    patientId = client.create().resource(patient).execute().getId().getIdPart();
    conditionId = client.create().resource(lowBackPain()).execute().getId().getIdPart();
    CarePlan plan = FhirClients.carePlan(patientId, "active");
    plan.addAddresses(new Reference("Condition/" + conditionId));
    planId = client.create().resource(plan).execute().getId().getIdPart();
    procedureId = client.create().resource(attendedSession()).execute().getId().getIdPart();
    for (String date :
        List.of("2026-03-03T08:00:00Z", "2026-03-05T08:00:00Z", "2026-03-09T08:00:00Z")) {
      client.create().resource(diaryPain(date, 5)).execute();
    }
  }

  private Condition lowBackPain() {
    Condition condition = new Condition();
    condition.setSubject(new Reference("Patient/" + patientId));
    condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "279039007", null)));
    condition.setOnset(new DateTimeType("2025-09-01"));
    condition.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/onset-type",
        new Coding(LUMBRA, "onset-chronic", null));
    condition.setSeverity(new CodeableConcept(new Coding(LUMBRA, "severity-moderate", null)));
    return condition;
  }

  private Procedure attendedSession() {
    Procedure procedure = new Procedure();
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.setCode(new CodeableConcept(new Coding(LUMBRA, "massage-therapy", null)));
    procedure.setSubject(new Reference("Patient/" + patientId));
    procedure.addBasedOn(new Reference("CarePlan/" + planId));
    procedure.setPerformed(
        new Period()
            .setStartElement(new DateTimeType("2026-03-02T10:00:00+01:00"))
            .setEndElement(new DateTimeType("2026-03-02T10:45:00+01:00")));
    procedure.addPerformer().setActor(new Reference().setDisplay("Jo Therapist"));
    procedure.addBodySite(
        new CodeableConcept(new Coding("http://snomed.info/sct", "1141985005", null)));
    procedure.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/technique",
        new Coding(LUMBRA, "technique-kneading", null));
    procedure.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/pain-before-session", new IntegerType(7));
    procedure.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/pain-after-session", new IntegerType(4));
    return procedure;
  }

  private Observation diaryPain(String date, int value) {
    return FhirClients.pain(patientId, value, date);
  }

  private Bundle search(String url) {
    return client.search().byUrl(url).returnBundle(Bundle.class).execute();
  }

  @Test
  void patientsAreFoundByIdentifierNameAndBirthDate() {
    String mrn = patient.getIdentifierFirstRep().getValue();
    assertThat(search("Patient?identifier=" + FhirClients.MRN + "|" + mrn).getTotal()).isEqualTo(1);
    assertThat(search("Patient?name=searchab&birthdate=1980-05-17").getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .contains(patientId);
    assertThat(
            search("Patient?identifier=" + FhirClients.MRN + "|" + mrn + "&birthdate=lt1980-05-17")
                .getTotal())
        .isZero();
  }

  @Test
  void everySortableParameterSortsBothWaysAndOthersAre400NamingTheAllowedValues() {
    String family = "Sortable" + UUID.randomUUID().toString().substring(0, 8);
    for (String born : List.of("1970-01-01", "1990-01-01", "1980-01-01")) {
      Patient sibling = FhirClients.newPatient(family);
      sibling.setBirthDateElement(new DateType(born));
      client.create().resource(sibling).execute();
    }
    assertThat(birthDates("Patient?name=" + family + "&_sort=birthdate"))
        .containsExactly("1970-01-01", "1980-01-01", "1990-01-01");
    assertThat(birthDates("Patient?name=" + family + "&_sort=-birthdate"))
        .containsExactly("1990-01-01", "1980-01-01", "1970-01-01");
    assertThat(birthDates("Patient?name=" + family + "&_sort=-_lastUpdated"))
        .containsExactly("1980-01-01", "1990-01-01", "1970-01-01");
    for (String url :
        List.of(
            "Patient?_sort=-name",
            "Condition?patient=" + patientId + "&_sort=-onset-date",
            "Condition?_sort=recorded-date",
            "CarePlan?patient=" + patientId + "&_sort=-status",
            "CarePlan?_sort=_lastUpdated",
            "Goal?patient=" + patientId + "&_sort=-target-date",
            "Goal?_sort=lifecycle-status",
            "Procedure?patient=" + patientId + "&_sort=-_lastUpdated",
            "Procedure?_sort=status",
            "Observation?patient=" + patientId + "&_sort=-_lastUpdated")) {
      assertThat(search(url).getEntry()).as(url).isNotEmpty();
    }
    for (String url : List.of("Patient?_sort=gender", "Goal?_sort=date,-start-date")) {
      Assertions.assertThatThrownBy(() -> search(url))
          .as(url)
          .isInstanceOfSatisfying(
              BaseServerResponseException.class,
              refused -> {
                assertThat(refused.getStatusCode()).isEqualTo(400);
                assertThat(
                        ((OperationOutcome) refused.getOperationOutcome())
                            .getIssueFirstRep()
                            .getDiagnostics())
                    .contains("_sort")
                    .contains("allowed: one of");
              });
    }
    CapabilityStatement metadata =
        client.capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(metadata.getRestFirstRep().getResource())
        .filteredOn(resource -> resource.getType().equals("Patient"))
        .extracting(resource -> resource.getDocumentation())
        .containsExactly(
            "_sort: one of name, family, birthdate, _lastUpdated, each with - in front for"
                + " descending (one sort key).");
  }

  private List<String> birthDates(String url) {
    return search(url).getEntry().stream()
        .map(entry -> ((Patient) entry.getResource()).getBirthDateElement().getValueAsString())
        .toList();
  }

  @Test
  void conditionsAreFoundByPatientAndCode() {
    assertThat(
            search("Condition?patient=" + patientId + "&code=http://snomed.info/sct|279039007")
                .getTotal())
        .isEqualTo(1);
    assertThat(
            search("Condition?patient=" + patientId + "&code=http://snomed.info/sct|1").getTotal())
        .isZero();
  }

  @Test
  void observationsAreFoundByCodeAndDateRangeWithPrefixes() {
    Bundle found =
        search(
            "Observation?patient="
                + patientId
                + "&code=http://loinc.org|72514-3&date=ge2026-03-04&date=lt2026-03-09");
    assertThat(found.getTotal()).isEqualTo(1);
    assertThat(
            ((Observation) found.getEntryFirstRep().getResource())
                .getEffectiveDateTimeType()
                .getValueAsString())
        .startsWith("2026-03-05");
    assertThat(search("Observation?patient=" + patientId + "&date=gt2026-03-09").getTotal())
        .isZero();
    assertThat(search("Observation?patient=" + patientId + "&category=exam").getTotal()).isZero();
  }

  @Test
  void sessionReadingsAreFoundByPartOfAndBasedOnWithPreAndPostKept() {
    Bundle readings = search("Observation?part-of=Procedure/" + procedureId);
    assertThat(readings.getEntry())
        .extracting(
            e ->
                ((Coding)
                        e.getResource().getNamedProperty("extension").getValues().stream()
                            .map(Extension.class::cast)
                            .filter(x -> x.getUrl().endsWith("reading-context"))
                            .findFirst()
                            .orElseThrow()
                            .getValue())
                    .getCode())
        .containsExactlyInAnyOrder("context-pre-session", "context-post-session");
    Bundle withPlan =
        search("Observation?based-on=CarePlan/" + planId + "&_include=Observation:based-on");
    assertThat(withPlan.getTotal()).isEqualTo(2);
    assertThat(withPlan.getEntry())
        .filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
        .extracting(e -> e.getResource().fhirType())
        .containsExactly("CarePlan");
  }

  @Test
  void pagingFollowsNextLinksUntilEveryReadingIsSeen() {
    Bundle page = search("Observation?patient=" + patientId + "&_count=2&_sort=-date");
    int total = page.getTotal();
    assertThat(total).isEqualTo(5);
    assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();
    int seen = page.getEntry().size();
    while (page.getLink(Bundle.LINK_NEXT) != null) {
      page = client.loadPage().next(page).execute();
      seen += page.getEntry().size();
    }
    assertThat(seen).isEqualTo(total);
  }

  @Test
  void totalNoneSkipsTheCountButStillPagesThroughEveryReading() {
    Bundle page = search("Observation?patient=" + patientId + "&_count=2&_sort=date&_total=none");
    assertThat(page.hasTotal()).as("Bundle.total with _total=none").isFalse();
    assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();
    int seen = page.getEntry().size();
    while (page.getLink(Bundle.LINK_NEXT) != null && !page.getEntry().isEmpty()) {
      page = client.loadPage().next(page).execute();
      seen += page.getEntry().size();
    }
    assertThat(seen).isEqualTo(5);
    // A page that is not full ends the matches, so its Bundle knows the total without a count.
    Bundle all = search("Observation?patient=" + patientId + "&_count=50&_total=none");
    assertThat(all.getEntry()).hasSize(5);
    assertThat(all.getLink(Bundle.LINK_NEXT)).isNull();
  }

  @Test
  void anUnknownTotalModeIsRefusedNamingTheAllowedValues() {
    assertThatThrownBy(() -> search("Observation?patient=" + patientId + "&_total=exact"))
        .isInstanceOf(BaseServerResponseException.class)
        .hasMessageContaining("_total")
        .hasMessageContaining("none, estimate or accurate");
  }

  @Test
  void lastUpdatedFindsWhatWasRecordedRecently() {
    assertThat(search("Observation?patient=" + patientId + "&_lastUpdated=gt2026-01-01").getTotal())
        .isEqualTo(5);
    assertThat(search("Observation?patient=" + patientId + "&_lastUpdated=lt2026-01-01").getTotal())
        .isZero();
  }

  @Test
  void carePlanSearchIncludesGoalsConditionAndRevIncludesSessionsAndReadings() {
    Bundle found =
        search(
            "CarePlan?patient="
                + patientId
                + "&status=active&category=assess-plan&date=2026-03-10"
                + "&_include=CarePlan:goal&_include=CarePlan:addresses"
                + "&_revinclude=Procedure:based-on&_revinclude=Observation:based-on");
    assertThat(found.getTotal()).isEqualTo(1);
    assertThat(found.getEntry())
        .extracting(e -> e.getResource().fhirType())
        .contains("CarePlan", "Goal", "Condition", "Procedure", "Observation");
    assertThat(search("CarePlan?patient=" + patientId + "&status=draft").getTotal()).isZero();
  }

  @Test
  void goalsAreFoundByPatientAndLifecycleStatus() {
    Bundle goals = search("Goal?patient=" + patientId + "&lifecycle-status=active");
    assertThat(goals.getTotal()).isEqualTo(1);
    assertThat(((Goal) goals.getEntryFirstRep().getResource()).getDescription().getText())
        .contains("Pain at most 3");
  }

  @Test
  void proceduresAreFoundByPatientDateAndBasedOnWithTheirPlanIncluded() {
    Bundle found =
        search(
            "Procedure?patient="
                + patientId
                + "&date=ge2026-03-01&based-on=CarePlan/"
                + planId
                + "&_include=Procedure:based-on");
    assertThat(found.getTotal()).isEqualTo(1);
    assertThat(found.getEntry()).extracting(e -> e.getResource().fhirType()).contains("CarePlan");
  }

  @Test
  void everythingReturnsThePatientsWholeRecord() {
    Bundle everything =
        client
            .operation()
            .onInstance(new IdType("Patient", patientId))
            .named("$everything")
            .withNoParameters(Parameters.class)
            .returnResourceType(Bundle.class)
            .execute();
    assertThat(everything.getEntry())
        .extracting(e -> e.getResource().fhirType())
        .contains("Patient", "Condition", "CarePlan", "Goal", "Procedure", "Observation");
  }

  @Test
  void validateReportsPlanWarningsWithoutStoringAnything() {
    CarePlan withoutExercise = FhirClients.carePlan(patientId, "draft");
    withoutExercise.getActivity().remove(1);
    int before = search("CarePlan?patient=" + patientId).getTotal();
    OperationOutcome outcome =
        (OperationOutcome)
            client.validate().resource(withoutExercise).execute().getOperationOutcome();
    assertThat(outcome.getIssue())
        .extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
        .anyMatch(text -> text.contains("PLAN-1"));
    assertThat(search("CarePlan?patient=" + patientId).getTotal()).isEqualTo(before);
  }

  private void assertRefused(String url, String parameter, String allowed) {
    assertThatThrownBy(() -> search(url))
        .as(url)
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(400);
              assertThat(
                      ((OperationOutcome) refused.getOperationOutcome())
                          .getIssueFirstRep()
                          .getDiagnostics())
                  .contains(parameter)
                  .contains(allowed);
            });
  }

  private List<String> ids(String url) {
    Bundle found = search(url);
    List<String> ids =
        found.getEntry().stream()
            .filter(e -> e.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE)
            .map(e -> e.getResource().getIdElement().getIdPart())
            .toList();
    assertThat(found.getTotal()).as(url).isEqualTo(ids.size());
    return ids;
  }

  @Test
  void usCorePatientSearchCombinationsFindOnlyTheMatchingPatient() {
    // FHIR-9: US Core 8.0.0 Patient _id, family, given, gender, birthdate+name, birthdate+family.
    String family = "Uscore" + UUID.randomUUID().toString().substring(0, 8);
    String id = FhirClients.createPatient(client, family).getIdPart();
    String other = FhirClients.createPatient(client, family + "x").getIdPart();
    assertThat(ids("Patient?_id=" + id)).containsExactly(id);
    assertThat(ids("Patient?_id=no-such-patient")).isEmpty();
    assertThat(ids("Patient?family=" + family)).containsExactlyInAnyOrder(id, other);
    assertThat(ids("Patient?family=" + family + "x")).containsExactly(other);
    assertThat(ids("Patient?family=maria")).doesNotContain(id, other);
    assertThat(ids("Patient?family=" + family + "&given=mari")).contains(id, other);
    assertThat(ids("Patient?family=" + family + "&given=lena")).isEmpty();
    assertThat(ids("Patient?name=" + family + "x&birthdate=1980-05-17")).containsExactly(other);
    assertThat(ids("Patient?name=" + family + "&birthdate=1980-05-18")).isEmpty();
    assertThat(ids("Patient?family=" + family + "x&birthdate=1980")).containsExactly(other);
    assertThat(ids("Patient?family=" + family + "&birthdate=ge1981")).isEmpty();
    assertThat(ids("Patient?family=" + family + "x&gender=female")).containsExactly(other);
    assertThat(
            ids(
                "Patient?family="
                    + family
                    + "x&gender=http://hl7.org/fhir/administrative-gender|female"))
        .containsExactly(other);
    assertThat(ids("Patient?family=" + family + "&gender=male")).isEmpty();
    Bundle firstOfTwo = search("Patient?family=" + family + "&_count=1");
    assertThat(firstOfTwo.getTotal()).isEqualTo(2);
    assertThat(firstOfTwo.getEntry()).hasSize(1);
    assertThat(firstOfTwo.getLink(Bundle.LINK_NEXT)).isNotNull();
    assertRefused("Patient?family=" + family + "&gender=woman", "gender", "male, female, other");
    assertRefused("Patient?family:exact=" + family, "family:exact", "case-insensitive prefix");
  }

  @Test
  void usCoreCarePlanSearchCombinationsUseCategoryStatusAndThePlansPeriod() {
    // FHIR-9: US Core 8.0.0 CarePlan patient+category (+status, +date); the plan's one phase runs
    // from 2026-03-02 to 2026-04-12 and every Lumbra plan is an assess-plan.
    String category = "&category=http://hl7.org/fhir/us/core/CodeSystem/careplan-category|";
    String of = "CarePlan?patient=" + patientId;
    assertThat(ids(of + category + "assess-plan")).contains(planId);
    assertThat(ids(of + "&category=assess-plan")).contains(planId);
    assertThat(ids(of + category + "other")).isEmpty();
    assertThat(ids(of + "&category=http://example.org/other|assess-plan")).isEmpty();
    assertThat(ids(of + category + "assess-plan&status=active")).contains(planId);
    assertThat(ids(of + category + "assess-plan&status=revoked,completed")).doesNotContain(planId);
    assertThat(ids(of + category + "assess-plan&status=entered-in-error")).isEmpty();
    assertThat(ids(of + category + "assess-plan&date=2026-03")).contains(planId);
    assertThat(ids(of + category + "assess-plan&date=ge2026-04-12")).contains(planId);
    assertThat(ids(of + category + "assess-plan&date=gt2026-04-12")).doesNotContain(planId);
    assertThat(ids(of + category + "assess-plan&date=lt2026-03-02")).doesNotContain(planId);
    assertThat(ids(of + category + "assess-plan&status=active&date=le2026-03-02")).contains(planId);
    assertThat(ids(of + category + "assess-plan&status=draft&date=le2026-03-02"))
        .doesNotContain(planId);
    assertThat(ids(of + category + "assess-plan&date=sa2026-03-01")).contains(planId);
    assertThat(ids(of + category + "assess-plan&date=sa2026-03-02")).doesNotContain(planId);
    assertThat(ids(of + category + "assess-plan&date=eb2026-04-13")).contains(planId);
    assertThat(ids(of + category + "assess-plan&date=eb2026-04-12")).doesNotContain(planId);
    assertRefused(of + category + "assess-plan&status=finished", "status", "on-hold");
    assertRefused(of + category + "assess-plan&date=ne2026-03-02", "date", "prefixes");
  }

  @Test
  void usCoreGoalSearchCombinationsUseLifecycleStatusTargetDateAndDescriptionText() {
    // FHIR-9: US Core 8.0.0 Goal patient (+lifecycle-status, +target-date, +description); the
    // plan's goal is due 2026-04-13 and its description is text only, so only :text finds it.
    String of = "Goal?patient=" + patientId;
    String goal = ids(of + "&lifecycle-status=active").get(0);
    assertThat(ids(of)).contains(goal);
    assertThat(ids("Goal?patient=no-such-patient")).isEmpty();
    assertThat(ids(of + "&lifecycle-status=on-hold")).isEmpty();
    assertThat(ids(of + "&target-date=2026-04-13")).containsExactly(goal);
    assertThat(ids(of + "&target-date=gt2026-04-13")).isEmpty();
    assertThat(ids(of + "&target-date=lt2026-04-13")).isEmpty();
    assertThat(ids(of + "&description:text=pain")).containsExactly(goal);
    assertThat(ids(of + "&description:text=SIX")).containsExactly(goal);
    assertThat(ids(of + "&description:text=walk")).isEmpty();
    assertThat(ids(of + "&description=http://snomed.info/sct|1")).isEmpty();
    assertRefused(of + "&lifecycle-status=done", "lifecycle-status", "accepted");
  }

  @Test
  void usCoreProcedureSearchCombinationsUseStatusCodeAndDate() {
    // FHIR-9: US Core 8.0.0 Procedure patient+date, patient+status, patient+code+date; the
    // session was performed on 2026-03-02 and is a massage (SNOMED CT 387854002).
    String of = "Procedure?patient=" + patientId;
    assertThat(ids(of + "&date=2026-03-02")).containsExactly(procedureId);
    assertThat(ids(of + "&date=lt2026-03-02")).isEmpty();
    assertThat(ids(of + "&status=completed")).containsExactly(procedureId);
    assertThat(ids(of + "&status=not-done,preparation")).isEmpty();
    assertThat(ids(of + "&status=in-progress")).isEmpty();
    assertThat(ids(of + "&code=http://snomed.info/sct|387854002&date=ge2026-03-01"))
        .containsExactly(procedureId);
    assertThat(ids(of + "&code=" + LUMBRA + "|massage-therapy&date=2026-03"))
        .containsExactly(procedureId);
    assertThat(ids(of + "&code=387854002&date=gt2026-03-02")).isEmpty();
    assertThat(ids(of + "&code=http://snomed.info/sct|1&date=2026-03-02")).isEmpty();
    Bundle withPlan = search(of + "&status=completed&_include=Procedure:based-on");
    assertThat(withPlan.getEntry())
        .filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(planId);
    assertRefused(of + "&status=done", "status", "preparation");
  }
}
