package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.patient.application.PatientView;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * FHIR-1: every domain field survives domain → FHIR → JSON → FHIR → domain, and what Lumbra does
 * not model is rejected naming the element.
 */
class MapperRoundTripTest {

  private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

  @SuppressWarnings("unchecked")
  private static <T extends IBaseResource> T overTheWire(T resource) {
    return (T) JSON.parseResource(resource.getClass(), JSON.encodeResourceToString(resource));
  }

  @Test
  void patientRoundTripKeepsEveryField() {
    PatientView view = FhirViews.patient();
    var data = PatientFhirMapper.toDomain(overTheWire(PatientFhirMapper.toFhir(view)));
    assertThat(data.identifiers()).isEqualTo(view.identifiers());
    assertThat(data.familyName()).isEqualTo(view.familyName());
    assertThat(data.givenNames()).isEqualTo(view.givenNames());
    assertThat(data.birthDate()).isEqualTo(view.birthDate());
    assertThat(data.gender()).isEqualTo(view.gender());
  }

  @Test
  void aGivenNameWithASpaceComesBackAsOneGivenName() {
    Patient sent = new Patient();
    sent.addName().setFamily("Rossi").addGiven("Mary Ann").addGiven("Jo");
    sent.setBirthDateElement(new DateType("1980-05-17"));
    var data = PatientFhirMapper.toDomain(overTheWire(sent));
    assertThat(data.givenNames()).isEqualTo("Mary\u00A0Ann Jo");

    PatientView stored = FhirViews.patientNamed("Rossi", data.givenNames());
    Patient returned = overTheWire(PatientFhirMapper.toFhir(stored));
    assertThat(returned.getNameFirstRep().getGiven())
        .extracting(StringType::getValue)
        .containsExactly("Mary Ann", "Jo");
  }

  @Test
  void patientElementsLumbraDoesNotModelAreAcceptedAndLeftToTheKeptDocument() {
    Patient patient = PatientFhirMapper.toFhir(FhirViews.patient());
    patient.addTelecom().setValue("+31 6 1234 5678");
    patient.addName().setUse(HumanName.NameUse.MAIDEN).setFamily("Smit");
    patient.getNameFirstRep().setUse(HumanName.NameUse.OFFICIAL);

    var data = PatientFhirMapper.toDomain(patient);

    assertThat(data.familyName()).isEqualTo(FhirViews.patient().familyName());
  }

  @Test
  void fhir6APatientWithOnlyAFamilyNameOrOnlyAnIdentifierMaps() {
    Patient familyOnly = new Patient();
    familyOnly.addName().setFamily("Okafor");
    assertThat(PatientFhirMapper.toDomain(familyOnly).familyName()).isEqualTo("Okafor");
    assertThat(PatientFhirMapper.toDomain(familyOnly).givenNames()).isNull();
    assertThat(PatientFhirMapper.toDomain(familyOnly).birthDate()).isNull();

    Patient identifierOnly = new Patient();
    identifierOnly.addIdentifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue("12345");
    identifierOnly.addIdentifier().setValue("no system: kept, not an EHR key");
    assertThat(PatientFhirMapper.toDomain(identifierOnly).identifiers()).hasSize(1);
  }

  @Test
  void conditionRoundTripKeepsSeverityCausesAndNote() {
    ConditionView view = FhirViews.chronicWithHerniation();
    Condition condition = overTheWire(ConditionFhirMapper.toFhir(view));
    var data = ConditionFhirMapper.toDomain(condition, LocalDate.of(2026, 3, 2));
    assertThat(data.patientId()).isEqualTo(view.patientId());
    assertThat(data.onsetType()).isEqualTo(view.onsetType());
    assertThat(data.onsetDate()).isEqualTo(view.onsetDate());
    assertThat(data.painScore()).isEqualTo(view.painScore());
    assertThat(data.severity()).isEqualTo(view.severity());
    assertThat(data.structuralCauses()).isEqualTo(view.structuralCauses());
    assertThat(data.note()).isEqualTo(view.note());
    assertThat(data.resolvedOn()).isNull();
  }

  @Test
  void prePainSurvivesTheRoundTripAsPreSession() {
    ObservationView view = FhirViews.prePainOfSession();
    Observation observation = overTheWire(ObservationFhirMapper.toFhir(view));
    assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("72514-3");
    RecordReading reading = ObservationFhirMapper.toDomain(observation);
    assertThat(reading.context()).isEqualTo(ReadingContext.PRE_SESSION);
    assertThat(reading.reading()).isEqualTo(PainScore.of(7));
    assertThat(reading.effectiveAt()).isEqualTo(view.effectiveAt());
    assertThat(reading.effectiveAt().getOffset()).isEqualTo(view.effectiveAt().getOffset());
    assertThat(reading.sessionId()).isEqualTo(view.sessionId());
    assertThat(reading.carePlanId()).isEqualTo(view.carePlanId());
    assertThat(reading.source()).isEqualTo(view.source());
  }

  @Test
  void fhir6APainScoreIsReadAmongOtherCodingsAndAsValueInteger() throws IOException {
    Observation fixture = fixture("fixtures/observation-pain-post-session.json", Observation.class);
    fixture.getCode().getCoding().add(0, new Coding("urn:ehr:flowsheet", "PAIN-NRS", "Pain"));
    fixture.setValue(new IntegerType(4));

    RecordReading reading = ObservationFhirMapper.toDomain(fixture);

    assertThat(reading.reading()).isEqualTo(PainScore.of(4));
    fixture.setValue(new IntegerType(11));
    assertThatThrownBy(() -> ObservationFhirMapper.toDomain(fixture))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("0 to 10");
  }

  @Test
  void painFromAJsonFixtureIsReadAndOutOfRangePainIsRejected() throws IOException {
    Observation fixture = fixture("fixtures/observation-pain-post-session.json", Observation.class);
    RecordReading reading = ObservationFhirMapper.toDomain(fixture);
    assertThat(reading.context()).isEqualTo(ReadingContext.POST_SESSION);
    assertThat(reading.reading()).isEqualTo(PainScore.of(3));

    fixture.getValueQuantity().setValue(11);
    assertThatThrownBy(() -> ObservationFhirMapper.toDomain(fixture))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("pain");
  }

  /** FHIR-7: the standard codings added before Lumbra's own are read back, nothing changes. */
  @Test
  void everyMeasureSurvivesTheRoundTripWithItsStandardCodings() {
    for (ObservationView view : FhirViews.everyMeasure()) {
      RecordReading reading =
          ObservationFhirMapper.toDomain(overTheWire(ObservationFhirMapper.toFhir(view)));
      assertThat(reading.reading()).as(view.code().name()).isEqualTo(view.reading());
      assertThat(reading.context()).isEqualTo(view.context());
      assertThat(reading.source()).isEqualTo(view.source());
    }
  }

  @Test
  void aReportedAbsenceOfLegPainIsNeverCodedAsSciatica() {
    Observation absent =
        ObservationFhirMapper.toFhir(
            FhirViews.diaryReading(ObservationCode.LEG_PAIN, LegPain.absent()));
    Observation present =
        ObservationFhirMapper.toFhir(
            FhirViews.diaryReading(
                ObservationCode.LEG_PAIN,
                new LegPain(LegPain.Presence.PRESENT, LegPain.Side.RIGHT)));

    assertThat(absent.getCode().getCoding())
        .extracting(Coding::getCode)
        .containsExactly("measure-leg-pain");
    assertThat(absent.getValueCodeableConcept().getCoding())
        .extracting(c -> c.getSystem() + "|" + c.getCode())
        .containsExactly(
            "http://snomed.info/sct|2667000",
            "https://lumbra.app/fhir/CodeSystem/lumbra|leg-pain-absent");
    assertThat(present.getValueCodeableConcept().getCodingFirstRep().getCode())
        .isEqualTo("23056005");
    assertThat(present.getBodySite().getCodingFirstRep().getCode()).isEqualTo("62175007");
  }

  @Test
  void notDoneSessionsAndEveryPhaseKindSurviveTheRoundTrip() {
    for (SessionStatus status : List.of(SessionStatus.MISSED, SessionStatus.CANCELLED)) {
      SessionView view = FhirViews.sessionNotDone(status);
      var data = ProcedureFhirMapper.toDomain(overTheWire(ProcedureFhirMapper.toFhir(view)));
      assertThat(data.status()).isEqualTo(status);
    }
    CarePlanView view = FhirViews.planWithEveryPhaseKind();
    var data =
        CarePlanFhirMapper.toDomain(
            overTheWire(CarePlanFhirMapper.toFhir(view)),
            goalId ->
                goalId.equals(FhirViews.GOAL) ? Optional.of(FhirViews.goal()) : Optional.empty());
    assertThat(data.content()).isEqualTo(view.content());
  }

  @Test
  void sessionRoundTripKeepsTechniquesRegionsPainAndSoapNotes() {
    SessionView view = FhirViews.attendedSession();
    Procedure procedure = overTheWire(ProcedureFhirMapper.toFhir(view));
    var data = ProcedureFhirMapper.toDomain(procedure);
    assertThat(data.status()).isEqualTo(view.status());
    assertThat(data.performedAt()).isEqualTo(view.performedAt());
    assertThat(data.durationMinutes()).isEqualTo(view.durationMinutes());
    assertThat(data.scheduledAt()).isEqualTo(view.scheduledAt());
    assertThat(data.plannedDurationMinutes()).isEqualTo(view.plannedDurationMinutes());
    assertThat(data.therapist()).isEqualTo(view.therapist());
    assertThat(data.techniques()).isEqualTo(view.techniques());
    assertThat(data.targetRegions()).isEqualTo(view.targetRegions());
    assertThat(data.prePain()).isEqualTo(view.prePain());
    assertThat(data.postPain()).isEqualTo(view.postPain());
    assertThat(data.notes()).isEqualTo(view.notes());
    assertThat(data.carePlanId()).isEqualTo(view.carePlanId());
  }

  @Test
  void carePlanRoundTripKeepsTheWholeContent() {
    CarePlanView view = FhirViews.activePlan();
    CarePlan plan = overTheWire(CarePlanFhirMapper.toFhir(view));
    var data =
        CarePlanFhirMapper.toDomain(
            plan,
            goalId ->
                goalId.equals(FhirViews.GOAL) ? Optional.of(FhirViews.goal()) : Optional.empty());
    assertThat(data.content()).isEqualTo(view.content());
    assertThat(data.status()).isEqualTo(view.status());
    assertThat(data.patientId()).isEqualTo(view.patientId());
    assertThat(data.conditionId()).isEqualTo(view.conditionId());
  }

  @Test
  void goalRoundTripKeepsTargetAndDates() {
    Goal goal = overTheWire(GoalFhirMapper.toFhir(FhirViews.goalView()));
    assertThat(GoalFhirMapper.toDomain(goal, FhirViews.GOAL)).isEqualTo(FhirViews.goal());
    assertThat(GoalFhirMapper.carePlanId(goal)).isEqualTo(FhirViews.PLAN);
  }

  private static <T extends IBaseResource> T fixture(String path, Class<T> type)
      throws IOException {
    try (InputStream in = MapperRoundTripTest.class.getClassLoader().getResourceAsStream(path)) {
      return JSON.parseResource(type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
