package app.lumbra.safety.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.alert.application.AcknowledgeAlert;
import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.application.AlertView;
import app.lumbra.alert.persistence.JpaAlertRepositories;
import app.lumbra.careplan.application.CarePlanFacts;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.PhaseData;
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
import app.lumbra.context.application.ContextService;
import app.lumbra.context.application.KeepContext;
import app.lumbra.context.domain.SearchToken;
import app.lumbra.context.persistence.JpaContextRepositories;
import app.lumbra.fixtures.CarePlans;
import app.lumbra.fixtures.Patients;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.homecare.persistence.JpaHomeCareRepositories;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.persistence.JpaObservationRepositories;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.progress.application.ProgressService;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.safety.application.RecordAdverseResponse;
import app.lumbra.safety.application.RecordChecklist;
import app.lumbra.safety.application.RecordRedFlagScreen;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.safety.domain.AlertKind;
import app.lumbra.safety.domain.Contraindication;
import app.lumbra.safety.domain.ContraindicationCodes;
import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.session.application.PerformedSessionData;
import app.lumbra.session.application.RecordUnscheduledSession;
import app.lumbra.session.application.ScheduleSession;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SoapNotesData;
import app.lumbra.session.persistence.JpaSessionRepositories;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Patient journeys through the safety rules (SAFE-1..4) on the real mappings and migrations, on H2
 * and PostgreSQL: what is refused, what is recorded anyway, and which alerts follow.
 */
class SafetyJourneysJpaTest {

  private static final Clock NOW = TestClocks.MONDAY_MORNING;
  private static final String CLINICIAN = "dr.kim";

  private JpaTestDatabase db;
  private EntityManager em;
  private CarePlanService plans;
  private SessionService sessions;
  private SafetyService safety;
  private AlertService alerts;
  private ContextService context;
  private String patientId;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    safety = JpaSafetyRepositories.serviceOn(em, NOW);
    plans =
        new CarePlanService(
            JpaCarePlanRepositories.on(em),
            JpaPatientRepositories.on(em),
            JpaConditionRepositories.on(em),
            JpaConditionRepositories.findingsOn(em),
            CarePolicy.withDefaults(),
            safety,
            NOW);
    sessions =
        new SessionService(
            JpaSessionRepositories.on(em),
            JpaObservationRepositories.on(em),
            NOW,
            new RecordedEvents<>(),
            safety);
    ProgressService progress =
        new ProgressService(
            new CarePlanFacts(JpaCarePlanRepositories.on(em), NOW),
            JpaSessionRepositories.on(em),
            JpaObservationRepositories.on(em),
            JpaHomeCareRepositories.on(em),
            ProgressThresholds.defaults(),
            AdherenceThresholds.defaults(),
            NOW);
    alerts = new AlertService(JpaAlertRepositories.on(em), plans, sessions, progress, safety, NOW);
    context = new ContextService(JpaContextRepositories.on(em), NOW);
    patientId =
        db.inTransaction(
                em,
                () ->
                    new PatientService(JpaPatientRepositories.on(em), NOW, new RecordedEvents<>())
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

  /** A desk worker who asks for firm work: the recommender would choose deep tissue. */
  private static FactorsData wantsFirmWork() {
    return new FactorsData(
        OnsetType.CHRONIC,
        5,
        null,
        Set.of(),
        IntensityPreference.FIRM,
        Set.of(Lifestyle.SEDENTARY_DESK_JOB),
        new BigDecimal("70"),
        "EUR",
        null,
        Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
        LocalTime.of(18, 0));
  }

  private PlanContentData recommendedFirmPlan() {
    return db.inTransaction(
            em,
            () ->
                plans.recommend(
                    new RecommendCarePlan(
                        patientId,
                        null,
                        wantsFirmWork(),
                        CarePlans.HOME_PROGRAMME,
                        CarePlans.START)))
        .plan();
  }

  private static Set<Technique> techniquesOf(PlanContentData plan) {
    return plan.phases().stream()
        .flatMap(phase -> phase.techniques().stream())
        .collect(Collectors.toSet());
  }

  /** The clinician ticks "anticoagulant therapy" on the checklist (the patient takes warfarin). */
  private void anticoagulated() {
    db.inTransaction(
        em,
        () ->
            safety.recordChecklist(
                new RecordChecklist(
                    patientId,
                    Set.of(Contraindication.ANTICOAGULATION_OR_BLEEDING_DISORDER),
                    Set.of(),
                    Set.of(),
                    "Warfarin since 2024",
                    CLINICIAN)));
  }

  /** The hospital's problem list says "age-related osteoporosis" (ICD-10-CM M81.0). */
  private void osteoporosisFromTheEhr() {
    db.inTransaction(
        em,
        () ->
            context.keep(
                new KeepContext(
                    "Condition",
                    "ehr-osteoporosis",
                    patientId,
                    "active",
                    OffsetDateTime.parse("2024-05-10T00:00:00Z"),
                    List.of(
                        SearchToken.of("code", ContraindicationCodes.ICD_10_CM, "M81.0"),
                        SearchToken.of(
                            "clinical-status",
                            "http://terminology.hl7.org/CodeSystem/condition-clinical",
                            "active")),
                    (version, at) -> "{\"resourceType\":\"Condition\"}"),
                null));
  }

  private CarePlanView gentleDraft() {
    PlanContentData recommended = recommendedFirmPlan();
    PlanContentData gentle =
        new PlanContentData(
            recommended.title(),
            recommended.factors(),
            recommended.phases().stream().map(SafetyJourneysJpaTest::gentle).toList(),
            recommended.sessions(),
            recommended.exerciseProgramme(),
            recommended.homeCareTasks(),
            recommended.goals(),
            recommended.coManagementFlagged(),
            recommended.expectations());
    return db.inTransaction(
        em, () -> plans.createDraft(new CreateCarePlan(patientId, null, gentle, CLINICIAN)));
  }

  private static PhaseData gentle(PhaseData phase) {
    return new PhaseData(
        phase.kind(),
        phase.startDate(),
        phase.endDate(),
        phase.sessionsPerPeriod(),
        phase.periodWeeks(),
        phase.sessionMinutes(),
        Set.of(Technique.KNEADING, Technique.LIGHT_SWEDISH),
        phase.targetRegions());
  }

  private void screen(String planId, RedFlagItem... positive) {
    db.inTransaction(
        em,
        () ->
            safety.recordScreen(
                new RecordRedFlagScreen(planId, Set.of(positive), null, CLINICIAN)));
  }

  private CarePlanView activate(CarePlanView plan) {
    return db.inTransaction(
        em, () -> plans.activate(new PlanTransition(plan.id(), plan.version(), CLINICIAN)));
  }

  private void sessionGiven(String planId, Technique technique, int hoursAgo) {
    db.inTransaction(
        em,
        () ->
            sessions.recordUnscheduled(
                new RecordUnscheduledSession(
                    planId,
                    patientId,
                    new PerformedSessionData(
                        OffsetDateTime.now(NOW).minusHours(hoursAgo),
                        45,
                        "Jana Novak, LMT",
                        Set.of(technique),
                        Set.of(TargetRegion.LOWER_BACK),
                        6,
                        4,
                        new SoapNotesData("Sore", "Tight QL", "Released", "Weekly"),
                        List.of(),
                        ReadingSource.PORTAL))));
  }

  private void adverse(String planId, AdverseResponseKind kind) {
    db.inTransaction(
        em,
        () ->
            safety.recordAdverseResponse(
                new RecordAdverseResponse(
                    planId, null, kind, LocalDate.now(NOW).minusDays(1), null, CLINICIAN)));
  }

  private List<AlertView> alertsOf(String planId) {
    return db.inTransaction(em, () -> alerts.forPlan(planId));
  }

  // Journeys

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("SAFE-2: an anticoagulated patient is never offered deep tissue, and it is refused")
  void anticoagulatedPatientOfferedDeepTissue(JpaTestDatabase.Kind kind) {
    start(kind);
    PlanContentData firm = recommendedFirmPlan();
    assertThat(techniquesOf(firm)).contains(Technique.DEEP_TISSUE);

    anticoagulated();

    assertThat(techniquesOf(recommendedFirmPlan()))
        .isNotEmpty()
        .doesNotContain(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () -> plans.createDraft(new CreateCarePlan(patientId, null, firm, CLINICIAN))))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageStartingWith("SAFE-2")
        .hasMessageContaining(
            "Deep-tissue work is ruled out by Anticoagulant therapy or a bleeding disorder");
    assertThat(db.countRows("care_plan")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("SAFE-2: osteoporosis imported from an EHR Condition (M81.0) rules out deep tissue")
  void osteoporosisFromTheEhrRulesOutDeepTissue(JpaTestDatabase.Kind kind) {
    start(kind);
    PlanContentData firm = recommendedFirmPlan();

    osteoporosisFromTheEhr();

    assertThat(db.inTransaction(em, () -> safety.contraindicationsOf(patientId)))
        .singleElement()
        .satisfies(
            found -> {
              assertThat(found.contraindication()).isEqualTo(Contraindication.OSTEOPOROSIS);
              assertThat(found.source())
                  .isEqualTo("Condition ehr-osteoporosis from the EHR, ICD-10-CM M81.0");
            });
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        plans.create(
                            new CreateCarePlan(patientId, null, firm, CLINICIAN),
                            PlanStatus.ACTIVE)))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageStartingWith("SAFE-2")
        .hasMessageContaining("ruled out by Osteoporosis")
        .hasMessageContaining("ICD-10-CM M81.0");
    assertThat(techniquesOf(recommendedFirmPlan())).doesNotContain(Technique.DEEP_TISSUE);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("SAFE-1: a positive screen blocks activation and booking until a clear screen")
  void positiveScreenBlocksActivationAndBooking(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = gentleDraft();
    screen(draft.id(), RedFlagItem.SADDLE_NUMBNESS);

    assertThatThrownBy(() -> activate(draft))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageStartingWith("SAFE-1")
        .hasMessageContaining(
            "Refer for urgent medical assessment: suspected cauda equina syndrome (saddle"
                + " numbness)");
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        sessions.schedule(
                            new ScheduleSession(
                                draft.id(),
                                patientId,
                                OffsetDateTime.now(NOW).plusDays(2),
                                45,
                                Set.of(),
                                Set.of(TargetRegion.LOWER_BACK)))))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageStartingWith("SAFE-1")
        .hasMessageContaining("Booking a session is not possible");
    assertThat(db.countRows("treatment_session")).isZero();
    // Recording what happened is not booking: yesterday's appointment the patient missed.
    db.inTransaction(
        em,
        () ->
            sessions.schedule(
                new ScheduleSession(
                    draft.id(),
                    patientId,
                    OffsetDateTime.now(NOW).minusDays(1),
                    45,
                    Set.of(),
                    Set.of(TargetRegion.LOWER_BACK))));
    assertThat(db.countRows("treatment_session")).isEqualTo(1);

    screen(draft.id());
    assertThat(activate(draft).status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("SAFE-1, SAFE-2: a session given anyway is recorded, with red-flag alerts")
  void sessionGivenAnywayIsRecordedWithRedFlags(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = gentleDraft();
    assertThat(alertsOf(draft.id()))
        .extracting(AlertView::ruleId, AlertView::title)
        .contains(Tuple.tuple("SAFE-1", "No red-flag screen recorded"));
    screen(draft.id(), RedFlagItem.FEVER);
    anticoagulated();

    sessionGiven(draft.id(), Technique.DEEP_TISSUE, 0);

    assertThat(db.countRows("treatment_session")).isEqualTo(1);
    List<AlertView> raised = alertsOf(draft.id());
    assertThat(raised)
        .filteredOn(AlertView::redFlag)
        .extracting(AlertView::ruleId, AlertView::title)
        .containsExactlyInAnyOrder(
            Tuple.tuple("SAFE-1", "Red-flag screen positive: refer for urgent medical assessment"),
            Tuple.tuple("SAFE-1", "Session given despite a positive red-flag screen"),
            Tuple.tuple("SAFE-2", "Session used a ruled-out technique or region"));
    assertThat(raised).extracting(AlertView::title).doesNotContain("No red-flag screen recorded");
    assertThat(raised.get(0).kind()).isEqualTo(AlertKind.RED_FLAG);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("SAFE-3, SAFE-4: bruising after a session raises an alert, acknowledged only once")
  void bruisingAfterASessionAndAnAcknowledgedAlertNotRaisedTwice(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = gentleDraft();
    screen(draft.id());
    CarePlanView active = activate(draft);
    sessionGiven(active.id(), Technique.KNEADING, 30);

    adverse(active.id(), AdverseResponseKind.BRUISING);

    AlertView bruising =
        alertsOf(active.id()).stream()
            .filter(alert -> alert.ruleId().equals("SAFE-3"))
            .findFirst()
            .orElseThrow();
    assertThat(bruising.kind()).isEqualTo(AlertKind.REVIEW);
    assertThat(bruising.reason()).startsWith("Bruising noticed on 2026-03-01");
    assertThat(db.inTransaction(em, () -> alerts.needsAttention(patient -> true)))
        .extracting(AlertView::id)
        .contains(bruising.id());

    AlertView acknowledged =
        db.inTransaction(
            em,
            () ->
                alerts.acknowledge(
                    new AcknowledgeAlert(bruising.id(), CLINICIAN, "Lighter pressure next time")));
    assertThat(acknowledged.acknowledgedBy()).isEqualTo(CLINICIAN);
    assertThat(acknowledged.acknowledgeNote()).isEqualTo("Lighter pressure next time");

    List<AlertView> again = alertsOf(active.id());
    assertThat(again).filteredOn(alert -> alert.ruleId().equals("SAFE-3")).hasSize(1);
    assertThat(again)
        .filteredOn(alert -> alert.id().equals(bruising.id()))
        .singleElement()
        .satisfies(alert -> assertThat(alert.acknowledged()).isTrue());
    assertThat(db.inTransaction(em, () -> alerts.needsAttention(patient -> true)))
        .extracting(AlertView::id)
        .doesNotContain(bruising.id());
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () -> alerts.acknowledge(new AcknowledgeAlert(bruising.id(), "dr.lee", null))))
        .hasMessageContaining("already acknowledged by dr.kim");

    adverse(active.id(), AdverseResponseKind.NEW_NUMBNESS_OR_TINGLING);

    List<AlertView> open = db.inTransaction(em, () -> alerts.needsAttention(patient -> true));
    assertThat(open)
        .extracting(AlertView::kind, AlertView::title)
        .containsSubsequence(
            Tuple.tuple(
                AlertKind.RED_FLAG,
                "New numbness or tingling after a session: assess for a red flag"),
            Tuple.tuple(AlertKind.REVIEW, "Repeated adverse responses: review the plan"));
    assertThat(db.inTransaction(em, () -> alerts.needsAttention(patient -> false))).isEmpty();
  }
}
