package app.lumbra.outcome.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.application.AlertView;
import app.lumbra.alert.persistence.JpaAlertRepositories;
import app.lumbra.careplan.application.CarePlanFacts;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.application.RecommendCarePlan;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.careplan.persistence.JpaCarePlanRepositories;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.persistence.JpaConditionRepositories;
import app.lumbra.fixtures.CarePlans;
import app.lumbra.fixtures.Patients;
import app.lumbra.homecare.persistence.JpaHomeCareRepositories;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.observation.persistence.JpaObservationRepositories;
import app.lumbra.outcome.application.CompleteReassessment;
import app.lumbra.outcome.application.DischargePlan;
import app.lumbra.outcome.application.DischargeSummaryView;
import app.lumbra.outcome.application.OutcomeAlertSource;
import app.lumbra.outcome.application.OutcomeService;
import app.lumbra.outcome.application.ReassessmentView;
import app.lumbra.outcome.domain.DischargeReason;
import app.lumbra.outcome.domain.OutcomeThresholds;
import app.lumbra.outcome.domain.TrackedMeasure;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.progress.application.ProgressService;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.safety.persistence.JpaSafetyRepositories;
import app.lumbra.session.application.PerformedSessionData;
import app.lumbra.session.application.RecordUnscheduledSession;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionsOfReadings;
import app.lumbra.session.persistence.JpaSessionRepositories;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.MovableClock;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Patient journeys through the outcome use cases (OUT-1..OUT-3) on the real mappings and
 * migrations, on H2 and PostgreSQL: reassessments recorded together or not at all, the alert list,
 * discharge with its summary.
 */
class OutcomeJourneysJpaTest {

  private static final String CLINICIAN = "dr.kim";

  private JpaTestDatabase db;
  private EntityManager em;
  private MovableClock clock;
  private CarePlanService plans;
  private SessionService sessions;
  private ObservationService observations;
  private OutcomeService outcomes;
  private AlertService alerts;
  private String patientId;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    // Monday 2 March 2026, 09:00 in Berlin, the day the plan starts.
    clock =
        new MovableClock(
            OffsetDateTime.parse("2026-03-02T08:00:00Z").toInstant(), ZoneId.of("Europe/Berlin"));
    SafetyService safety = JpaSafetyRepositories.serviceOn(em, clock);
    plans =
        new CarePlanService(
            JpaCarePlanRepositories.on(em),
            JpaPatientRepositories.on(em),
            JpaConditionRepositories.on(em),
            JpaConditionRepositories.findingsOn(em),
            CarePolicy.withDefaults(),
            safety,
            clock);
    sessions =
        new SessionService(
            JpaSessionRepositories.on(em),
            JpaObservationRepositories.on(em),
            clock,
            new RecordedEvents<>(),
            safety);
    observations =
        new ObservationService(
            JpaObservationRepositories.on(em),
            new SessionsOfReadings(JpaSessionRepositories.on(em)),
            clock);
    ProgressService progress =
        new ProgressService(
            new CarePlanFacts(JpaCarePlanRepositories.on(em), clock),
            JpaSessionRepositories.on(em),
            JpaObservationRepositories.on(em),
            JpaHomeCareRepositories.on(em),
            ProgressThresholds.defaults(),
            AdherenceThresholds.defaults(),
            clock);
    outcomes =
        new OutcomeService(
            plans,
            progress,
            observations,
            JpaObservationRepositories.on(em),
            safety,
            JpaOutcomeRepositories.reassessmentsOn(em),
            JpaOutcomeRepositories.summariesOn(em),
            CarePolicy.withDefaults(),
            ProgressThresholds.defaults(),
            OutcomeThresholds.defaults(),
            clock);
    alerts =
        new AlertService(
            JpaAlertRepositories.on(em),
            plans,
            sessions,
            progress,
            safety,
            List.of(new OutcomeAlertSource(outcomes)),
            clock);
    patientId =
        db.inTransaction(
                em,
                () ->
                    new PatientService(JpaPatientRepositories.on(em), clock, new RecordedEvents<>())
                        .register(Patients.annaMeyerFromHospital()))
            .id();
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  // Fixtures

  /** Chronic pain at NRS 6 of a desk worker who prefers gentle work, twice a week. */
  private static FactorsData chronicDeskWorker() {
    return new FactorsData(
        OnsetType.CHRONIC,
        6,
        null,
        Set.of(),
        IntensityPreference.GENTLE,
        Set.of(Lifestyle.SEDENTARY_DESK_JOB),
        new BigDecimal("70"),
        "EUR",
        null,
        Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
        LocalTime.of(18, 0));
  }

  /** An active plan starting today, screened clear. */
  private CarePlanView activePlan() {
    PlanContentData content =
        db.inTransaction(
                em,
                () ->
                    plans.recommend(
                        new RecommendCarePlan(
                            patientId,
                            null,
                            chronicDeskWorker(),
                            CarePlans.HOME_PROGRAMME,
                            CarePlans.START)))
            .plan();
    CarePlanView draft =
        db.inTransaction(
            em, () -> plans.createDraft(new CreateCarePlan(patientId, null, content, CLINICIAN)));
    return db.inTransaction(
        em, () -> plans.activate(new PlanTransition(draft.id(), draft.version(), CLINICIAN)));
  }

  private void days(int days) {
    clock.advance(Duration.ofDays(days));
  }

  private void session(String planId, int pre, int post) {
    db.inTransaction(
        em,
        () ->
            sessions.recordUnscheduled(
                new RecordUnscheduledSession(
                    planId,
                    patientId,
                    new PerformedSessionData(
                        OffsetDateTime.now(clock).minusHours(1),
                        45,
                        "Jana Novak, LMT",
                        Set.of(Technique.KNEADING),
                        Set.of(TargetRegion.LOWER_BACK),
                        pre,
                        post,
                        null,
                        List.of(),
                        ReadingSource.PORTAL))));
  }

  private void diary(String planId, SymptomReading reading) {
    db.inTransaction(
        em,
        () ->
            observations.record(
                new RecordReading(
                    patientId,
                    planId,
                    null,
                    ReadingContext.DIARY,
                    ReadingSource.HOME_DIARY,
                    OffsetDateTime.now(clock).minusHours(2),
                    reading)));
  }

  private ReassessmentView reassess(String planId, int pain, int rmdq, RedFlagItem... flags) {
    return db.inTransaction(
        em,
        () ->
            outcomes.completeReassessment(
                new CompleteReassessment(
                    planId, pain, "ROLAND_MORRIS", rmdq, Set.of(flags), null, CLINICIAN)));
  }

  private List<AlertView> alertsOf(String planId) {
    return db.inTransaction(em, () -> alerts.forPlan(planId));
  }

  /**
   * Four weeks of twice-weekly care in which pain falls from 6 to 1 (diary every day) and
   * Roland–Morris from 12 to 2, reassessed at the 3rd session and at the end of the initial phase.
   */
  private CarePlanView recoveredOverFourWeeks() {
    CarePlanView plan = activePlan();
    reassess(plan.id(), 6, 12);
    for (int day = 0; day < 28; day++) {
      int level = Math.max(1, 6 - day / 4);
      if (day % 7 == 0 || day % 7 == 3) {
        session(plan.id(), level, Math.max(0, level - 1));
      }
      diary(plan.id(), PainScore.of(level));
      if (day == 7) {
        reassess(plan.id(), level, 8);
      }
      days(1);
    }
    reassess(plan.id(), 1, 2);
    return plans.get(plan.id());
  }

  // Journeys

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-2: a reassessment records pain, function and the red-flag screen together")
  void OUT2_reassessmentRecordsPainFunctionAndScreen(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlan();

    ReassessmentView done = reassess(plan.id(), 5, 11);

    assertThat(observations.get(done.painObservationId()).reading()).isEqualTo(PainScore.of(5));
    assertThat(observations.get(done.functionObservationId()).reading())
        .isEqualTo(RolandMorrisScore.of(11));
    assertThat(db.countRows("red_flag_screen")).isEqualTo(1);
    assertThat(outcomes.reassessments(plan.id()))
        .extracting(ReassessmentView::id)
        .containsExactly(done.id());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-2: a wrong function score is refused naming the field, and nothing is stored")
  void OUT2_wrongFunctionScoreStoresNothing(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlan();

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        outcomes.completeReassessment(
                            new CompleteReassessment(
                                plan.id(), 5, "ROLAND_MORRIS", 30, Set.of(), null, CLINICIAN))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("rolandMorris")
        .hasMessageContaining("an integer from 0 to 24");
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        outcomes.completeReassessment(
                            new CompleteReassessment(
                                plan.id(), 5, "SF36", 30, Set.of(), null, CLINICIAN))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("functionMeasure")
        .hasMessageContaining("OSWESTRY or ROLAND_MORRIS");
    assertThat(db.countRows("symptom_observation")).isZero();
    assertThat(db.countRows("red_flag_screen")).isZero();
    assertThat(db.countRows("reassessment")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-2: an overdue reassessment is on the plan's alert list until one is recorded")
  void OUT2_overdueReassessmentIsOnTheAlertList(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlan();
    for (int i = 0; i < 3; i++) {
      session(plan.id(), 6, 5);
      days(3);
    }
    days(8);

    assertThat(alertsOf(plan.id()))
        .filteredOn(alert -> alert.ruleId().equals("OUT-2"))
        .extracting(AlertView::title)
        .containsExactly("Reassessment overdue");

    reassess(plan.id(), 6, 12);
    assertThat(alertsOf(plan.id())).noneMatch(alert -> alert.ruleId().equals("OUT-2"));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName(
      "OUT-3: a recovered patient is suggested for discharge; discharge writes the summary")
  void OUT3_recoveredPatientIsDischargedWithASummary(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = recoveredOverFourWeeks();

    assertThat(outcomes.report(plan.id()).improved())
        .contains(TrackedMeasure.PAIN, TrackedMeasure.ROLAND_MORRIS);
    assertThat(alertsOf(plan.id()))
        .filteredOn(alert -> alert.ruleId().equals("OUT-3"))
        .extracting(AlertView::title)
        .contains("Consider discharge: the patient has recovered");

    DischargeSummaryView summary =
        db.inTransaction(
            em,
            () ->
                outcomes.discharge(
                    new DischargePlan(
                        plan.id(), plan.version(), DischargeReason.RECOVERED, null, CLINICIAN)));

    assertThat(plans.get(plan.id()).status()).isEqualTo(PlanStatus.COMPLETED);
    // PROG-2's baseline: the mean of the first 7 days (6, 6, 6, 6, 5, 5, 5 and the sessions').
    assertThat(summary.baselinePain()).isCloseTo(5.7, within(0.05));
    assertThat(summary.finalPain()).isEqualTo(1.0);
    assertThat(summary.functionMeasure()).isEqualTo(TrackedMeasure.ROLAND_MORRIS);
    assertThat(summary.baselineFunction()).isEqualTo(12.0);
    assertThat(summary.finalFunction()).isEqualTo(2.0);
    assertThat(summary.sessionsAttended()).isEqualTo(8);
    assertThat(summary.outcomeObservationIds()).hasSize(2);
    assertThat(summary.sentences())
        .contains(
            "Pain (0–10): 5.7 at baseline, 1.0 at discharge.",
            "Function (Roland–Morris disability (RMDQ)): 12.0 at baseline, 2.0 at discharge.");
    DischargeSummaryView stored = outcomes.dischargeSummary(plan.id()).orElseThrow();
    assertThat(stored.dischargedAt().toInstant()).isEqualTo(clock.instant());
    assertThat(stored.sentences().subList(1, 5)).isEqualTo(summary.sentences().subList(1, 5));
    // A finished plan asks for nothing more.
    assertThat(alertsOf(plan.id())).noneMatch(alert -> alert.ruleId().startsWith("OUT-"));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-3: a second discharge or a stale version is refused and stores nothing")
  void OUT3_refusedDischargeStoresNothing(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlan();

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        outcomes.discharge(
                            new DischargePlan(
                                plan.id(), plan.version(), DischargeReason.OTHER, " ", CLINICIAN))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("note");
    assertThat(db.countRows("discharge_summary")).isZero();
    assertThat(plans.get(plan.id()).status()).isEqualTo(PlanStatus.ACTIVE);

    db.inTransaction(
        em,
        () ->
            outcomes.discharge(
                new DischargePlan(
                    plan.id(),
                    plan.version(),
                    DischargeReason.PATIENT_CHOICE,
                    "Moving away",
                    CLINICIAN)));
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        outcomes.discharge(
                            new DischargePlan(
                                plan.id(),
                                plan.version() + 1,
                                DischargeReason.PATIENT_CHOICE,
                                null,
                                CLINICIAN))))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("already discharged");
    assertThat(db.countRows("discharge_summary")).isEqualTo(1);
  }
}
