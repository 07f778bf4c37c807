package app.lumbra.careplan.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.careplan.application.CarePlanFacts;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanVersionSummary;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.EditCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.PlanCheckView;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.application.RecheckPlan;
import app.lumbra.careplan.application.RecommendCarePlan;
import app.lumbra.careplan.application.RecommendationView;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.application.WarningView;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PlanChange;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.RecordStructuralFinding;
import app.lumbra.condition.application.StructuralFindingService;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.condition.persistence.JpaConditionRepositories;
import app.lumbra.fixtures.CarePlans;
import app.lumbra.fixtures.Conditions;
import app.lumbra.fixtures.Factors;
import app.lumbra.fixtures.Patients;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.progress.application.PlanFactsView;
import app.lumbra.safety.persistence.JpaSafetyRepositories;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The care plan service on the real mappings and migrations, on H2 and PostgreSQL. */
class CarePlanServiceJpaTest {

  private static final Clock LATER = Clock.offset(TestClocks.MONDAY_MORNING, Duration.ofHours(5));

  private JpaTestDatabase db;
  private EntityManager em;
  private CarePlanService service;
  private ConditionService conditionService;
  private String patientId;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    service = serviceOn(em, TestClocks.MONDAY_MORNING);
    PatientRepository patients = JpaPatientRepositories.on(em);
    conditionService =
        new ConditionService(
            JpaConditionRepositories.on(em),
            patients,
            TestClocks.MONDAY_MORNING,
            new RecordedEvents<>());
    patientId =
        db.inTransaction(
                em,
                () ->
                    new PatientService(patients, TestClocks.MONDAY_MORNING, new RecordedEvents<>())
                        .register(Patients.annaMeyerFromHospital()))
            .id();
  }

  private static CarePlanService serviceOn(EntityManager em, Clock clock) {
    return new CarePlanService(
        new JpaCarePlanRepository(em),
        JpaPatientRepositories.on(em),
        JpaConditionRepositories.on(em),
        JpaConditionRepositories.findingsOn(em),
        CarePolicy.withDefaults(),
        JpaSafetyRepositories.serviceOn(em, clock),
        clock);
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private static FactorsData deskWorkerFactors() {
    return new FactorsData(
        OnsetType.CHRONIC,
        5,
        null,
        Set.of(),
        IntensityPreference.MODERATE,
        Set.of(Lifestyle.SEDENTARY_DESK_JOB),
        new BigDecimal("70"),
        "EUR",
        new BigDecimal("400"),
        Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
        LocalTime.of(18, 0));
  }

  private RecommendationView recommendation(String conditionId) {
    return db.inTransaction(
        em,
        () ->
            service.recommend(
                new RecommendCarePlan(
                    patientId,
                    conditionId,
                    deskWorkerFactors(),
                    CarePlans.HOME_PROGRAMME,
                    CarePlans.START)));
  }

  private CarePlanView draft() {
    PlanContentData content = recommendation(null).plan();
    return db.inTransaction(
        em, () -> service.createDraft(new CreateCarePlan(patientId, null, content, "dr.kim")));
  }

  private static PlanContentData withSessions(PlanContentData content, List<SessionData> sessions) {
    return new PlanContentData(
        content.title(),
        content.factors(),
        content.phases(),
        sessions,
        content.exerciseProgramme(),
        content.homeCareTasks(),
        content.goals(),
        content.coManagementFlagged(),
        content.expectations());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-10: an edited phase is projected again: weekly time and monthly cost follow")
  void PLAN_10_anEditedPlanIsProjectedAgain(JpaTestDatabase.Kind kind) {
    start(kind);
    PlanContentData recommended = recommendation(null).plan();
    PhaseData initial = recommended.phases().get(0);
    List<PhaseData> phases = new ArrayList<>(recommended.phases());
    phases.set(
        0,
        new PhaseData(
            initial.kind(),
            initial.startDate(),
            initial.endDate(),
            3,
            1,
            initial.sessionMinutes(),
            initial.techniques(),
            initial.targetRegions()));
    PlanContentData edited =
        new PlanContentData(
            recommended.title(),
            recommended.factors(),
            phases,
            recommended.sessions(),
            recommended.exerciseProgramme(),
            recommended.homeCareTasks(),
            recommended.goals(),
            recommended.coManagementFlagged(),
            recommended.expectations());

    var before = service.project(recommended).phaseLoads().get(0);
    var after = service.project(edited).phaseLoads().get(0);

    assertThat(before.sessionsPerWeek()).isLessThan(3.0);
    assertThat(after.sessionsPerWeek()).isEqualTo(3.0);
    assertThat(after.minutesPerWeek()).isEqualTo(3 * initial.sessionMinutes());
    assertThat(after.monthlyCost()).isGreaterThan(before.monthlyCost());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-13: draft from recommendation reads back as recommended")
  void PLAN_13_draftFromRecommendationReadsBackAsRecommended(JpaTestDatabase.Kind kind) {
    start(kind);
    RecommendationView recommended = recommendation(null);

    CarePlanView created =
        db.inTransaction(
            em,
            () ->
                service.createDraft(
                    new CreateCarePlan(patientId, null, recommended.plan(), "dr.kim")));
    CarePlanView read = db.inTransaction(em, () -> service.get(created.id()));

    assertThat(read.status()).isEqualTo(PlanStatus.DRAFT);
    assertThat(read.version()).isEqualTo(created.version());
    assertThat(read.content().phases()).isEqualTo(recommended.plan().phases());
    assertThat(read.content().homeCareTasks()).isEqualTo(recommended.plan().homeCareTasks());
    assertThat(read.content().goals()).isEqualTo(recommended.plan().goals());
    assertThat(read.content().factors())
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(recommended.plan().factors());
    assertThat(read.content().sessions()).hasSameSizeAs(recommended.plan().sessions());
    assertThat(read.content().sessions().get(3).startsAt())
        .isAtSameInstantAs(recommended.plan().sessions().get(3).startsAt());
    assertThat(read.projection().totalSessions())
        .isEqualTo(recommended.projection().totalSessions());
    assertThat(read.warnings()).isEqualTo(recommended.warnings());
    assertThat(read.createdBy()).isEqualTo("dr.kim");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-11: a structural cause the EHR lists as a problem of its own counts")
  void PLAN_11_aStructuralCauseFromAnotherConditionOfThePatientCounts(JpaTestDatabase.Kind kind) {
    start(kind);
    StructuralFindingService findings =
        new StructuralFindingService(
            JpaConditionRepositories.findingsOn(em),
            JpaConditionRepositories.on(em),
            JpaPatientRepositories.on(em),
            TestClocks.MONDAY_MORNING);
    String lowBackPain =
        db.inTransaction(em, () -> conditionService.record(Conditions.chronicModerate(patientId)))
            .id();
    db.inTransaction(
        em,
        () ->
            findings.record(
                new RecordStructuralFinding(
                    "ehr-disc-disorder-1", patientId, StructuralCause.SPINAL_STENOSIS)));

    RecommendationView recommended = recommendation(lowBackPain);

    assertThat(recommended.plan().factors().structuralCauses())
        .contains(StructuralCause.SPINAL_STENOSIS);
    assertThat(recommended.plan().coManagementFlagged()).isTrue();
    assertThat(recommended.warnings()).extracting(WarningView::ruleId).contains("PLAN-11");
    assertThat(db.inTransaction(em, () -> findings.structuralCausesOf(patientId)))
        .containsExactly(StructuralCause.SPINAL_STENOSIS);

    db.inTransaction(em, () -> findings.end("ehr-disc-disorder-1"));
    assertThat(recommendation(lowBackPain).plan().factors().structuralCauses()).isEmpty();
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        findings.record(
                            new RecordStructuralFinding(
                                "ehr-disc-disorder-1",
                                patientId,
                                StructuralCause.DISC_HERNIATION))))
        .isInstanceOf(IdInUseException.class);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-11: recommendation for disc herniation flags co management")
  void PLAN_11_recommendationForDiscHerniationFlagsCoManagement(JpaTestDatabase.Kind kind) {
    start(kind);
    String conditionId =
        db.inTransaction(em, () -> conditionService.record(Conditions.discHerniation(patientId)))
            .id();

    RecommendationView recommended = recommendation(conditionId);

    assertThat(recommended.plan().factors().structuralCauses())
        .contains(StructuralCause.DISC_HERNIATION);
    assertThat(recommended.plan().coManagementFlagged()).isTrue();
    assertThat(recommended.structuralCauseStatement()).contains("disc herniation");
    assertThat(recommended.warnings()).extracting(WarningView::ruleId).contains("PLAN-11");
    CarePlanView created =
        db.inTransaction(
            em,
            () ->
                service.createDraft(
                    new CreateCarePlan(patientId, conditionId, recommended.plan(), "dr.kim")));
    assertThat(created.conditionId()).isEqualTo(conditionId);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-11: a cause recorded after the plan was made shows on the plan and its edits")
  void PLAN_11_aCauseRecordedAfterThePlanWasMadeShowsOnThePlanAndItsEdits(
      JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView created = draft();
    assertThat(created.structuralCauseStatement()).isNull();
    assertThat(created.warnings()).extracting(WarningView::ruleId).doesNotContain("PLAN-11");

    db.inTransaction(em, () -> conditionService.record(Conditions.discHerniation(patientId)));

    CarePlanView read = db.inTransaction(em, () -> service.get(created.id()));
    assertThat(read.structuralCauseStatement())
        .contains("disc herniation")
        .contains("does not correct the underlying cause");
    assertThat(read.warnings())
        .filteredOn(w -> w.ruleId().equals("PLAN-11"))
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("Co-management is not flagged"));

    CarePlanView edited =
        db.inTransaction(
            em,
            () ->
                service.edit(
                    new EditCarePlan(
                        created.id(), created.version(), created.content(), "pt.lee")));
    assertThat(edited.warnings()).extracting(WarningView::ruleId).contains("PLAN-11");
    assertThat(
            db.inTransaction(
                    em,
                    () ->
                        service.recheck(
                            new RecheckPlan(patientId, created.id(), created.content(), false)))
                .structuralCauseStatement())
        .contains("disc herniation");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-13: a re-check reschedules the sessions to the edited frequency")
  void PLAN_13_aRecheckReschedulesTheSessionsToTheEditedFrequency(JpaTestDatabase.Kind kind) {
    start(kind);
    PlanContentData recommended = recommendation(null).plan();
    PhaseData initial = recommended.phases().get(0);
    List<PhaseData> phases = new ArrayList<>(recommended.phases());
    phases.set(
        0,
        new PhaseData(
            initial.kind(),
            initial.startDate(),
            initial.endDate(),
            3,
            1,
            initial.sessionMinutes(),
            initial.techniques(),
            initial.targetRegions()));
    PlanContentData edited =
        new PlanContentData(
            recommended.title(),
            recommended.factors(),
            phases,
            recommended.sessions(),
            recommended.exerciseProgramme(),
            recommended.homeCareTasks(),
            recommended.goals(),
            recommended.coManagementFlagged(),
            recommended.expectations());

    PlanCheckView checked =
        db.inTransaction(em, () -> service.recheck(new RecheckPlan(patientId, null, edited, true)));

    long firstWeek =
        checked.content().sessions().stream()
            .filter(s -> s.phaseIndex() == 0)
            .filter(s -> s.startsAt().toLocalDate().isBefore(initial.startDate().plusDays(7)))
            .count();
    assertThat(firstWeek).isEqualTo(3);
    assertThat(checked.rescheduled()).isTrue();
    assertThat(checked.projection().totalSessions()).isEqualTo(checked.content().sessions().size());
    assertThat(checked.projection().totalSessions())
        .isGreaterThan(service.project(recommended).totalSessions());

    CarePlanView saved =
        db.inTransaction(
            em,
            () ->
                service.createDraft(
                    new CreateCarePlan(patientId, null, checked.content(), "dr.kim")));
    assertThat(saved.content().sessions()).hasSameSizeAs(checked.content().sessions());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-13: a plan made at 18:02 never books its first session earlier that day")
  void PLAN_13_aPlanMadeAt1802NeverBooksItsFirstSessionEarlierThatDay(JpaTestDatabase.Kind kind) {
    start(kind);
    Clock evening = Clock.fixed(Instant.parse("2026-03-02T17:02:00Z"), ZoneId.of("Europe/Berlin"));
    CarePlanService late = serviceOn(em, evening);
    FactorsData mornings =
        new FactorsData(
            OnsetType.CHRONIC,
            5,
            null,
            Set.of(),
            IntensityPreference.MODERATE,
            Set.of(Lifestyle.SEDENTARY_DESK_JOB),
            new BigDecimal("70"),
            "EUR",
            null,
            Set.of(DayOfWeek.values()),
            LocalTime.of(10, 0));
    PlanContentData plan =
        db.inTransaction(
                em,
                () ->
                    late.recommend(
                        new RecommendCarePlan(
                            patientId, null, mornings, CarePlans.HOME_PROGRAMME, CarePlans.START)))
            .plan();

    OffsetDateTime now = OffsetDateTime.now(evening);
    assertThat(plan.sessions()).allSatisfy(s -> assertThat(s.startsAt()).isAfterOrEqualTo(now));
    assertThat(plan.sessions().get(0).startsAt().toLocalDate())
        .isEqualTo(CarePlans.START.plusDays(1));

    // A plan recommended in the morning and saved in the evening: the re-check moves it too.
    PlanContentData morning = recommendation(null).plan();
    PlanCheckView checked =
        db.inTransaction(em, () -> late.recheck(new RecheckPlan(patientId, null, morning, true)));
    assertThat(checked.content().sessions())
        .allSatisfy(s -> assertThat(s.startsAt()).isAfterOrEqualTo(now));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("ADH-3: the time a plan was on hold comes from its versions")
  void ADH_3_theTimeAPlanWasOnHoldComesFromItsVersions(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = draft();
    Clock holdDay = Clock.offset(TestClocks.MONDAY_MORNING, Duration.ofDays(3));
    Clock resumeDay = Clock.offset(TestClocks.MONDAY_MORNING, Duration.ofDays(8));
    long version =
        db.inTransaction(em, transition(service::activate, plan.id(), plan.version())).version();
    long held = version;
    version =
        db.inTransaction(em, transition(serviceOn(em, holdDay)::putOnHold, plan.id(), held))
            .version();
    long onHold = version;
    db.inTransaction(em, transition(serviceOn(em, resumeDay)::resume, plan.id(), onHold));

    PlanFactsView view =
        db.inTransaction(
                em,
                () ->
                    new CarePlanFacts(new JpaCarePlanRepository(em), resumeDay).forPlan(plan.id()))
            .orElseThrow();

    assertThat(view.stoppedPeriods())
        .singleElement()
        .satisfies(
            period -> {
              assertThat(period.from()).isAtSameInstantAs(OffsetDateTime.now(holdDay));
              assertThat(period.until()).isAtSameInstantAs(OffsetDateTime.now(resumeDay));
            });
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-14: every change is a version and older versions stay readable")
  void PLAN_14_everyChangeIsAVersionAndOlderVersionsStayReadable(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView created = draft();
    List<SessionData> fewer = new ArrayList<>(created.content().sessions());
    fewer.remove(fewer.size() - 1);

    CarePlanView edited =
        db.inTransaction(
            em,
            () ->
                service.edit(
                    new EditCarePlan(
                        created.id(),
                        created.version(),
                        withSessions(created.content(), fewer),
                        "pt.lee")));
    CarePlanService later = serviceOn(em, LATER);
    CarePlanView active =
        db.inTransaction(
            em, () -> later.activate(new PlanTransition(created.id(), edited.version(), "dr.kim")));

    assertThat(edited.version()).isEqualTo(created.version() + 1);
    assertThat(active.version()).isEqualTo(edited.version() + 1);
    List<CarePlanVersionSummary> history =
        db.inTransaction(em, () -> service.history(created.id()));
    assertThat(history)
        .extracting(CarePlanVersionSummary::change)
        .containsExactly(PlanChange.CREATED, PlanChange.EDITED, PlanChange.ACTIVATED);
    assertThat(history)
        .extracting(CarePlanVersionSummary::changedBy)
        .containsExactly("dr.kim", "pt.lee", "dr.kim");
    assertThat(history.get(2).changedAt()).isAfter(history.get(1).changedAt());
    assertThat(history)
        .extracting(CarePlanVersionSummary::version)
        .containsExactly(created.version(), edited.version(), active.version());

    CarePlanView first =
        db.inTransaction(em, () -> service.version(created.id(), created.version()));
    assertThat(first.status()).isEqualTo(PlanStatus.DRAFT);
    assertThat(first.content().sessions()).hasSize(created.content().sessions().size());
    assertThat(first.content().phases()).isEqualTo(created.content().phases());
    CarePlanView second =
        db.inTransaction(em, () -> service.version(created.id(), edited.version()));
    assertThat(second.content().sessions()).hasSize(fewer.size());
    assertThat(db.inTransaction(em, () -> service.get(created.id())).status())
        .isEqualTo(PlanStatus.ACTIVE);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-14: lifecycle runs through hold resume and completion")
  void PLAN_14_lifecycleRunsThroughHoldResumeAndCompletion(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = draft();
    long version = plan.version();

    version = db.inTransaction(em, transition(service::activate, plan.id(), version)).version();
    version = db.inTransaction(em, transition(service::putOnHold, plan.id(), version)).version();
    version = db.inTransaction(em, transition(service::resume, plan.id(), version)).version();
    CarePlanView completed =
        db.inTransaction(em, transition(service::complete, plan.id(), version));

    assertThat(completed.status()).isEqualTo(PlanStatus.COMPLETED);
    assertThat(db.inTransaction(em, () -> service.history(plan.id())))
        .extracting(CarePlanVersionSummary::status)
        .containsExactly(
            PlanStatus.DRAFT,
            PlanStatus.ACTIVE,
            PlanStatus.ON_HOLD,
            PlanStatus.ACTIVE,
            PlanStatus.COMPLETED);
    long finalVersion = completed.version();
    assertThatThrownBy(
            () -> db.inTransaction(em, transition(service::revoke, plan.id(), finalVersion)))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("PLAN-14");
    assertThat(db.countRows("care_plan_version")).isEqualTo(5);
  }

  private static Supplier<CarePlanView> transition(
      Function<PlanTransition, CarePlanView> verb, String id, long version) {
    return () -> verb.apply(new PlanTransition(id, version, "dr.kim"));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-14: stale edit is a conflict and stores nothing")
  void PLAN_14_staleEditIsAConflictAndStoresNothing(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView created = draft();
    db.inTransaction(em, transition(service::activate, created.id(), created.version()));

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        service.edit(
                            new EditCarePlan(
                                created.id(), created.version(), created.content(), "pt.lee"))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(db.countRows("care_plan_version")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-14: two clincians editing at once never overwrite silently")
  void PLAN_14_twoClinciansEditingAtOnceNeverOverwriteSilently(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView created = draft();
    EntityManager secondEm = db.entityManager();
    CarePlanService second = serviceOn(secondEm, LATER);
    secondEm.getTransaction().begin();
    second.get(created.id());

    db.inTransaction(
        em,
        () ->
            service.edit(
                new EditCarePlan(created.id(), created.version(), created.content(), "pt.lee")));

    assertThatThrownBy(
            () ->
                second.edit(
                    new EditCarePlan(created.id(), created.version(), created.content(), "dr.kim")))
        .isInstanceOf(VersionConflictException.class);
    secondEm.getTransaction().rollback();
    assertThat(db.inTransaction(em, () -> service.history(created.id()))).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-5: rejected draft stores nothing")
  void PLAN_5_rejectedDraftStoresNothing(JpaTestDatabase.Kind kind) {
    start(kind);
    PlanContentData content = recommendation(null).plan();
    List<PhaseData> phases = new ArrayList<>(content.phases());
    PhaseData first = phases.get(0);
    phases.set(
        0,
        new PhaseData(
            first.kind(),
            first.startDate(),
            first.endDate(),
            first.sessionsPerPeriod(),
            first.periodWeeks(),
            90,
            first.techniques(),
            first.targetRegions()));
    PlanContentData tooLong =
        new PlanContentData(
            content.title(),
            content.factors(),
            phases,
            List.of(),
            content.exerciseProgramme(),
            content.homeCareTasks(),
            content.goals(),
            content.coManagementFlagged(),
            content.expectations());

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        service.createDraft(
                            new CreateCarePlan(patientId, null, tooLong, "dr.kim"))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("sessionMinutes")
        .hasMessageContaining("30 to 60");
    assertThat(db.countRows("care_plan")).isZero();
    assertThat(db.countRows("care_plan_version")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void progressModuleReadsPhasesSessionsAndTasksOfTheStoredPlan(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = draft();
    CarePlanFacts facts =
        new CarePlanFacts(new JpaCarePlanRepository(em), TestClocks.MONDAY_MORNING);

    PlanFactsView view = db.inTransaction(em, () -> facts.forPlan(plan.id())).orElseThrow();

    assertThat(view.patientId()).isEqualTo(patientId);
    assertThat(view.planStart()).isEqualTo(CarePlans.START);
    assertThat(view.currentPhase()).isEqualTo("INITIAL");
    assertThat(view.phases()).hasSameSizeAs(plan.content().phases());
    assertThat(view.phases().get(0).plannedInterval()).isEqualTo(Duration.ofDays(7));
    assertThat(view.scheduledSessionTimes()).hasSameSizeAs(plan.content().sessions());
    assertThat(view.homeCareTaskIds()).hasSize(plan.content().homeCareTasks().size());
    assertThat(view.sessionsStopped()).isFalse();
    assertThat(db.inTransaction(em, () -> facts.forPlan("not-a-plan"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void plansAreListedPerPatient(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView first = draft();
    CarePlanView second = draft();

    assertThat(db.inTransaction(em, () -> service.listForPatient(patientId)))
        .extracting(CarePlanView::id)
        .containsExactlyInAnyOrder(first.id(), second.id());
    assertThat(Factors.WEEKDAYS).isNotEmpty();
  }
}
