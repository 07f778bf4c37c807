package app.lumbra.fhir;

import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.application.WarningView;
import app.lumbra.careplan.domain.GoalStatus;
import app.lumbra.careplan.domain.HomeCareKind;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PhaseKind;
import app.lumbra.careplan.domain.PlanChange;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.domain.DailyActivityDifficulty;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.MedicationUse;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.domain.Gender;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.application.SoapNotesData;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Domain views as the application services return them, for mapper tests. */
final class FhirViews {

  static final String PATIENT = "3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b7c45";
  static final String CONDITION = "7a1c0e2d-1111-4b7e-9c1f-2a6d8e0b7c45";
  static final String PLAN = "9b3d1f4e-2222-4b7e-9c1f-2a6d8e0b7c45";
  static final String SESSION = "1c2d3e4f-3333-4b7e-9c1f-2a6d8e0b7c45";
  static final String GOAL = "5e6f7a8b-4444-4b7e-9c1f-2a6d8e0b7c45";
  static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(1));

  private FhirViews() {}

  static PatientView patient() {
    return patientNamed("Berg", "Anna Maria");
  }

  static PatientView patientNamed(String family, String givenNames) {
    return new PatientView(
        PATIENT,
        2,
        List.of(new IdentifierData("urn:oid:1.2.36.146.595.217.0.1", "MRN-77")),
        family,
        givenNames,
        LocalDate.of(1980, 5, 17),
        Gender.FEMALE,
        NOW.minusDays(10),
        NOW);
  }

  static ConditionView chronicWithHerniation() {
    return new ConditionView(
        CONDITION,
        1,
        PATIENT,
        OnsetType.CHRONIC,
        LocalDate.of(2025, 9, 1),
        6,
        SeverityCategory.MODERATE,
        Set.of(StructuralCause.DISC_HERNIATION),
        "Worse after long sitting",
        ConditionStatus.ACTIVE,
        null,
        NOW.minusDays(10),
        NOW);
  }

  /** A resolved acute episode with every structural cause (PLAN-11) and a mild severity. */
  static ConditionView resolvedWithEveryStructuralCause() {
    return new ConditionView(
        CONDITION,
        3,
        PATIENT,
        OnsetType.ACUTE,
        LocalDate.of(2026, 1, 5),
        2,
        SeverityCategory.MILD,
        EnumSet.allOf(StructuralCause.class),
        null,
        ConditionStatus.RESOLVED,
        LocalDate.of(2026, 2, 1),
        NOW.minusDays(10),
        NOW);
  }

  static ObservationView prePainOfSession() {
    return new ObservationView(
        "8d9e0f1a-5555-4b7e-9c1f-2a6d8e0b7c45",
        PATIENT,
        PLAN,
        SESSION,
        ObservationCode.PAIN,
        PainScore.of(7),
        ReadingContext.PRE_SESSION,
        ReadingSource.PORTAL,
        NOW,
        NOW.plusMinutes(1),
        1,
        false);
  }

  /** One reading of every measure, leg pain both absent and present with a side. */
  static List<ObservationView> everyMeasure() {
    return List.of(
        diaryReading(ObservationCode.PAIN, PainScore.of(5)),
        diaryReading(ObservationCode.OSWESTRY, OswestryScore.of(38)),
        diaryReading(ObservationCode.ROLAND_MORRIS, RolandMorrisScore.of(11)),
        diaryReading(ObservationCode.DAILY_ACTIVITY_DIFFICULTY, DailyActivityDifficulty.of(6)),
        diaryReading(ObservationCode.MEDICATION_USE, MedicationUse.of(2)),
        diaryReading(ObservationCode.STIFFNESS, StiffnessScore.of(4, true)),
        diaryReading(ObservationCode.SPASM, SpasmFrequency.OCCASIONAL),
        diaryReading(ObservationCode.LEG_PAIN, LegPain.absent()),
        diaryReading(
            ObservationCode.LEG_PAIN, new LegPain(LegPain.Presence.PRESENT, LegPain.Side.LEFT)),
        diaryReading(ObservationCode.LEG_PAIN, new LegPain(LegPain.Presence.PRESENT, null)));
  }

  static ObservationView diaryReading(ObservationCode code, SymptomReading reading) {
    return new ObservationView(
        "8d9e0f1a-6666-4b7e-9c1f-2a6d8e0b7c45",
        PATIENT,
        PLAN,
        null,
        code,
        reading,
        ReadingContext.DIARY,
        ReadingSource.HOME_DIARY,
        NOW,
        NOW.plusMinutes(1),
        1,
        false);
  }

  /** A booked session that did not take place: missed, or cancelled beforehand. */
  static SessionView sessionNotDone(SessionStatus status) {
    return new SessionView(
        SESSION,
        PLAN,
        PATIENT,
        NOW,
        45,
        status,
        status == SessionStatus.MISSED ? "Did not come" : "Patient ill",
        null,
        null,
        null,
        EnumSet.noneOf(Technique.class),
        EnumSet.noneOf(TargetRegion.class),
        false,
        null,
        null,
        new SoapNotesData(null, null, null, null),
        NOW.minusDays(2),
        NOW.plusHours(1),
        2);
  }

  static SessionView attendedSession() {
    return new SessionView(
        SESSION,
        PLAN,
        PATIENT,
        NOW,
        45,
        SessionStatus.ATTENDED,
        null,
        NOW,
        45,
        "Jo Therapist",
        EnumSet.of(Technique.KNEADING, Technique.MYOFASCIAL_RELEASE),
        EnumSet.of(TargetRegion.LOWER_BACK, TargetRegion.GLUTES),
        false,
        7,
        4,
        new SoapNotesData("Stiff in the morning", "Tight paraspinals", null, "Repeat next week"),
        NOW.minusDays(2),
        NOW.plusHours(1),
        3);
  }

  static GoalData goal() {
    return new GoalData(
        GOAL,
        "Pain at most 3 within six weeks",
        3,
        LocalDate.of(2026, 3, 2),
        LocalDate.of(2026, 4, 13),
        GoalStatus.ACTIVE);
  }

  static GoalView goalView() {
    return new GoalView(PLAN, PATIENT, CONDITION, 4, NOW, goal());
  }

  static CarePlanView activePlan() {
    return planWithPhases(
        List.of(
            new PhaseData(
                PhaseKind.INITIAL,
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 4, 12),
                2,
                1,
                45,
                EnumSet.of(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING),
                EnumSet.of(TargetRegion.LOWER_BACK, TargetRegion.HIPS)),
            new PhaseData(
                PhaseKind.MAINTENANCE,
                LocalDate.of(2026, 4, 13),
                null,
                1,
                3,
                60,
                EnumSet.of(Technique.LIGHT_SWEDISH),
                EnumSet.of(TargetRegion.LOWER_BACK))),
        List.of(
            new SessionData(NOW, 45, 0),
            new SessionData(NOW.plusDays(3), 45, 0),
            new SessionData(NOW.plusWeeks(7), 60, 1)));
  }

  /** The active plan through all three phase kinds, a session booked in each. */
  static CarePlanView planWithEveryPhaseKind() {
    return planWithPhases(
        List.of(
            new PhaseData(
                PhaseKind.INITIAL,
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 4, 12),
                2,
                1,
                45,
                EnumSet.of(Technique.MYOFASCIAL_RELEASE),
                EnumSet.of(TargetRegion.LOWER_BACK, TargetRegion.GLUTES)),
            new PhaseData(
                PhaseKind.TAPER,
                LocalDate.of(2026, 4, 13),
                LocalDate.of(2026, 5, 24),
                1,
                1,
                45,
                EnumSet.of(Technique.KNEADING),
                EnumSet.of(TargetRegion.HIPS, TargetRegion.SURROUNDING_MUSCLES)),
            new PhaseData(
                PhaseKind.MAINTENANCE,
                LocalDate.of(2026, 5, 25),
                null,
                1,
                4,
                60,
                EnumSet.of(Technique.LIGHT_SWEDISH),
                EnumSet.of(TargetRegion.FULL_BODY))),
        List.of(
            new SessionData(NOW, 45, 0),
            new SessionData(NOW.plusWeeks(7), 45, 1),
            new SessionData(NOW.plusWeeks(13), 60, 2)));
  }

  private static CarePlanView planWithPhases(List<PhaseData> phases, List<SessionData> sessions) {
    FactorsData factors =
        new FactorsData(
            OnsetType.CHRONIC,
            6,
            SeverityCategory.MODERATE,
            Set.of(StructuralCause.DISC_HERNIATION),
            IntensityPreference.MODERATE,
            Set.of(Lifestyle.SEDENTARY_DESK_JOB),
            new BigDecimal("70.00"),
            "EUR",
            new BigDecimal("300.00"),
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
            LocalTime.of(17, 30));
    PlanContentData content =
        new PlanContentData(
            "Chronic low-back pain, desk job",
            factors,
            phases,
            sessions,
            "Core stability programme with the physiotherapist, 3x per week",
            List.of(
                new HomeCareTaskData(
                    "6f7a8b9c-6666-4b7e-9c1f-2a6d8e0b7c45",
                    HomeCareKind.GENTLE_STRETCHING,
                    "Cat-cow stretch, 5 minutes each morning")),
            List.of(goal()),
            true,
            "Relief is most likely in the first 4-8 weeks together with exercise.");
    return new CarePlanView(
        PLAN,
        4,
        PATIENT,
        CONDITION,
        PlanStatus.ACTIVE,
        content,
        null,
        List.of(new WarningView("PLAN-10", "factors.monthlyBudget", "Over budget in March")),
        "Massage eases soft tissue but does not fix a disc herniation; co-manage.",
        NOW.minusDays(1),
        "Dr. Lee",
        NOW,
        "Dr. Lee",
        PlanChange.ACTIVATED);
  }
}
