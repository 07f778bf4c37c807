package app.lumbra.careplan.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.RecommendCarePlan;
import app.lumbra.careplan.application.ReplaceCarePlan;
import app.lumbra.careplan.application.SaveGoal;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.GoalCriteria;
import app.lumbra.careplan.domain.GoalStatus;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.persistence.JpaConditionRepositories;
import app.lumbra.fixtures.CarePlans;
import app.lumbra.fixtures.Conditions;
import app.lumbra.fixtures.Patients;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.persistence.JpaObservationRepositories;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.domain.EhrIdentifier;
import app.lumbra.patient.domain.Gender;
import app.lumbra.patient.domain.PatientCriteria;
import app.lumbra.patient.domain.VisiblePatients;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.safety.persistence.JpaSafetyRepositories;
import app.lumbra.session.CareData;
import app.lumbra.session.application.RecordUnscheduledSession;
import app.lumbra.session.application.ScheduleSession;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.application.SessionsOfReadings;
import app.lumbra.session.domain.SessionCriteria;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.session.persistence.JpaSessionRepositories;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The query methods behind the FHIR searches (FHIR-3) and the whole-plan replace behind a FHIR
 * update (PLAN-14), on the real mappings and migrations, on H2 and (when configured) PostgreSQL.
 */
class ExchangeSearchJpaTest {

  private JpaTestDatabase db;
  private EntityManager em;
  private PatientService patients;
  private ConditionService conditions;
  private CarePlanService plans;
  private SessionService sessions;
  private ObservationService observations;
  private String patientId;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    var patientRepository = JpaPatientRepositories.on(em);
    var clock = TestClocks.MONDAY_MORNING;
    patients = new PatientService(patientRepository, clock, new RecordedEvents<>());
    conditions =
        new ConditionService(
            JpaConditionRepositories.on(em), patientRepository, clock, new RecordedEvents<>());
    plans =
        new CarePlanService(
            new JpaCarePlanRepository(em),
            patientRepository,
            JpaConditionRepositories.on(em),
            JpaConditionRepositories.findingsOn(em),
            CarePolicy.withDefaults(),
            JpaSafetyRepositories.serviceOn(em, clock),
            clock);
    sessions =
        new SessionService(
            JpaSessionRepositories.on(em),
            JpaObservationRepositories.on(em),
            clock,
            new RecordedEvents<>(),
            JpaSafetyRepositories.serviceOn(em, clock));
    observations =
        new ObservationService(
            JpaObservationRepositories.on(em),
            new SessionsOfReadings(JpaSessionRepositories.on(em)),
            clock);
    patientId =
        db.inTransaction(em, () -> patients.register(Patients.annaMeyerFromHospital())).id();
    db.inTransaction(em, () -> patients.register(Patients.jonasWeberFromHospital()));
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private CarePlanView draftWithGoal() {
    PlanContentData recommended =
        db.inTransaction(
                em,
                () ->
                    plans.recommend(
                        new RecommendCarePlan(
                            patientId,
                            null,
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
                                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                                LocalTime.of(18, 0)),
                            CarePlans.HOME_PROGRAMME,
                            CarePlans.START)))
            .plan();
    List<GoalData> goals = new ArrayList<>(recommended.goals());
    goals.add(new GoalData(null, "Pain at most 3", 3, CarePlans.START, null, GoalStatus.ACTIVE));
    PlanContentData content = withGoals(recommended, goals);
    return db.inTransaction(
        em, () -> plans.createDraft(new CreateCarePlan(patientId, null, content, "dr.kim")));
  }

  private static PlanContentData withGoals(PlanContentData content, List<GoalData> goals) {
    return new PlanContentData(
        content.title(),
        content.factors(),
        content.phases(),
        content.sessions(),
        content.exerciseProgramme(),
        content.homeCareTasks(),
        goals,
        content.coManagementFlagged(),
        content.expectations());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void patientsAreSearchedByIdentifierNameAndBirthDateWithPaging(JpaTestDatabase.Kind kind) {
    start(kind);
    var byIdentifier =
        new PatientCriteria(
            EhrIdentifier.of(Patients.HOSPITAL_MRN, "100234"), null, null, null, null);
    assertThat(db.inTransaction(em, () -> patients.search(byIdentifier, 0, 10, true)).total())
        .isEqualTo(1);
    var bornInThe80s =
        new PatientCriteria(null, null, LocalDate.of(1980, 1, 1), LocalDate.of(1990, 1, 1), null);
    var page = db.inTransaction(em, () -> patients.search(bornInThe80s, 0, 10, true));
    assertThat(page.patients()).extracting(p -> p.familyName()).containsExactly("Meyer");
    var everybodyByBirth =
        new PatientCriteria(
            null, null, null, null, PatientCriteria.PatientOrder.BIRTH_DATE_DESCENDING);
    var firstPage = db.inTransaction(em, () -> patients.search(everybodyByBirth, 0, 1, true));
    assertThat(firstPage.total()).isEqualTo(2);
    assertThat(firstPage.patients()).extracting(p -> p.familyName()).containsExactly("Weber");
    assertThat(firstPage.hasNext()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void conditionsArePagedPerPatient(JpaTestDatabase.Kind kind) {
    start(kind);
    db.inTransaction(em, () -> conditions.record(Conditions.chronicModerate(patientId)));
    assertThat(db.inTransaction(em, () -> conditions.search(patientId, 0, 10)).total())
        .isEqualTo(1);
    assertThat(db.inTransaction(em, () -> conditions.search(null, 0, 10)).total()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void plansAreSearchedByStatusAndTheDatesTheirPhasesCover(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = draftWithGoal();
    var drafts = new CarePlanCriteria(patientId, Set.of(PlanStatus.DRAFT), null, null, false);
    assertThat(db.inTransaction(em, () -> plans.search(drafts, 0, 10)).total()).isEqualTo(1);
    var active = new CarePlanCriteria(patientId, Set.of(PlanStatus.ACTIVE), null, null, false);
    assertThat(db.inTransaction(em, () -> plans.search(active, 0, 10)).total()).isZero();
    var coveringStart =
        new CarePlanCriteria(
            patientId, Set.of(), CarePlans.START, CarePlans.START.plusDays(1), false);
    assertThat(db.inTransaction(em, () -> plans.search(coveringStart, 0, 10)).plans())
        .extracting(CarePlanView::id)
        .containsExactly(draft.id());
    var beforeStart =
        new CarePlanCriteria(
            patientId,
            Set.of(),
            CarePlans.START.minusYears(1),
            CarePlans.START.minusDays(1),
            false);
    assertThat(db.inTransaction(em, () -> plans.search(beforeStart, 0, 10)).total()).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void goalsAreFoundByIdAndByPatientAndStatus(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = draftWithGoal();
    GoalData goal =
        draft.content().goals().stream()
            .filter(g -> g.description().equals("Pain at most 3"))
            .findFirst()
            .orElseThrow();
    GoalView found = db.inTransaction(em, () -> plans.goal(goal.goalId()));
    assertThat(found.carePlanId()).isEqualTo(draft.id());
    assertThat(found.goal()).isEqualTo(goal);
    var activeGoals = new GoalCriteria(patientId, Set.of(GoalStatus.ACTIVE));
    assertThat(db.inTransaction(em, () -> plans.searchGoals(activeGoals, 0, 50)).goals())
        .extracting(g -> g.goal().goalId())
        .contains(goal.goalId());
    var achieved = new GoalCriteria(patientId, Set.of(GoalStatus.ACHIEVED));
    assertThat(db.inTransaction(em, () -> plans.searchGoals(achieved, 0, 50)).total()).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void replaceEditsAndMovesInOneCallAndRefusesStaleVersions(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = draftWithGoal();
    CarePlanView active =
        db.inTransaction(
            em,
            () ->
                plans.replace(
                    new ReplaceCarePlan(
                        draft.id(),
                        draft.version(),
                        draft.content(),
                        PlanStatus.ACTIVE,
                        "dr.kim")));
    assertThat(active.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(active.version()).isEqualTo(draft.version() + 1);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        plans.replace(
                            new ReplaceCarePlan(
                                draft.id(),
                                draft.version(),
                                draft.content(),
                                PlanStatus.ACTIVE,
                                "dr.kim"))))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        plans.replace(
                            new ReplaceCarePlan(
                                draft.id(),
                                active.version(),
                                active.content(),
                                PlanStatus.DRAFT,
                                "dr.kim"))))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("PLAN-14");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aPlanCreatedActiveHasOneFirstVersionAndOtherStartsAreRefused(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = draftWithGoal();
    CreateCarePlan again = new CreateCarePlan(patientId, null, draft.content(), "ehr");
    CarePlanView active = db.inTransaction(em, () -> plans.create(again, PlanStatus.ACTIVE));
    assertThat(active.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(db.inTransaction(em, () -> plans.history(active.id()))).hasSize(1);
    assertThatThrownBy(() -> db.inTransaction(em, () -> plans.create(again, PlanStatus.COMPLETED)))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("PLAN-14");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aPlanCreatedAndGivenTwoGoalsInOneTransactionGetsAVersionPerChange(
      JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView template = draftWithGoal();
    CreateCarePlan again = new CreateCarePlan(patientId, null, template.content(), "ehr");
    GoalData walk =
        new GoalData(null, "Walk 30 minutes", null, CarePlans.START, null, GoalStatus.PROPOSED);
    List<Long> versions =
        db.inTransaction(
            em,
            () -> {
              CarePlanView created = plans.createDraft(again);
              GoalView first =
                  plans.saveGoal(new SaveGoal(created.id(), null, patientId, walk, "ehr"));
              GoalView second =
                  plans.saveGoal(new SaveGoal(created.id(), null, patientId, walk, "ehr"));
              return List.of(created.version(), first.planVersion(), second.planVersion());
            });
    assertThat(versions).containsExactly(1L, 2L, 3L);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aGoalIsAddedAndRevisedAsNewPlanVersions(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = draftWithGoal();
    GoalView added =
        db.inTransaction(
            em,
            () ->
                plans.saveGoal(
                    new SaveGoal(
                        draft.id(),
                        draft.version(),
                        patientId,
                        new GoalData(
                            null,
                            "Walk 30 minutes",
                            null,
                            CarePlans.START,
                            null,
                            GoalStatus.PROPOSED),
                        "ehr")));
    assertThat(added.planVersion()).isEqualTo(draft.version() + 1);
    GoalData achieved =
        new GoalData(
            added.goal().goalId(),
            "Walk 30 minutes",
            null,
            CarePlans.START,
            null,
            GoalStatus.ACHIEVED);
    GoalView revised =
        db.inTransaction(
            em, () -> plans.saveGoal(new SaveGoal(draft.id(), null, null, achieved, "ehr")));
    assertThat(revised.goal().status()).isEqualTo(GoalStatus.ACHIEVED);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        plans.saveGoal(
                            new SaveGoal(draft.id(), draft.version(), null, achieved, "ehr"))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(db.inTransaction(em, () -> plans.historyOfAll(null, 0, 10)).plans())
        .extracting(CarePlanView::version)
        .startsWith(revised.planVersion(), added.planVersion());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void sessionsAndReadingsAreSearchedByPlanSessionCodeAndTime(JpaTestDatabase.Kind kind) {
    start(kind);
    String planId = draftWithGoal().id();
    SessionView session =
        db.inTransaction(
            em,
            () ->
                sessions.recordUnscheduled(
                    new RecordUnscheduledSession(
                        planId, patientId, CareData.myofascialReliefFromSevenToFour())));
    OffsetDateTime diaryTime = OffsetDateTime.of(2026, 2, 20, 8, 0, 0, 0, ZoneOffset.UTC);
    db.inTransaction(
        em,
        () ->
            observations.record(
                new RecordReading(
                    patientId,
                    null,
                    null,
                    ReadingContext.DIARY,
                    ReadingSource.HOME_DIARY,
                    diaryTime,
                    StiffnessScore.of(4, true))));

    var bySession =
        new ReadingCriteria(null, null, Set.of(session.id()), null, null, null, null, null, null);
    assertThat(db.inTransaction(em, () -> observations.search(bySession, 0, 10)).total())
        .isEqualTo(4);
    var painOfPlan =
        new ReadingCriteria(
            patientId,
            Set.of(planId),
            null,
            Set.of(ObservationCode.PAIN),
            null,
            null,
            null,
            null,
            null);
    assertThat(db.inTransaction(em, () -> observations.search(painOfPlan, 0, 10)).observations())
        .extracting(o -> o.reading())
        .containsExactlyInAnyOrder(PainScore.of(7), PainScore.of(4));
    var beforeTheSession =
        new ReadingCriteria(
            patientId,
            null,
            null,
            null,
            null,
            diaryTime.plusDays(1),
            null,
            null,
            ReadingCriteria.ReadingOrder.EFFECTIVE_DESCENDING);
    assertThat(db.inTransaction(em, () -> observations.search(beforeTheSession, 0, 10)).total())
        .isEqualTo(1);

    var sessionsOfPlan = new SessionCriteria(patientId, Set.of(planId), diaryTime, null, false);
    assertThat(db.inTransaction(em, () -> sessions.search(sessionsOfPlan, 0, 10)).sessions())
        .extracting(SessionView::id)
        .containsExactly(session.id());
    var afterIt = new SessionCriteria(patientId, Set.of(), diaryTime.plusYears(1), null, false);
    assertThat(db.inTransaction(em, () -> sessions.search(afterIt, 0, 10)).total()).isZero();
  }

  // FHIR-9 (US Core Patient): _id, family, given, gender and birthdate with name or family.
  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void patientsAreFoundByUsCoreIdFamilyGivenGenderAndBirthDate(JpaTestDatabase.Kind kind) {
    start(kind);
    assertThat(found(byPatient(patientId, null, null, null, null, null))).containsExactly("Meyer");
    assertThat(found(byPatient("no-such-patient", null, null, null, null, null))).isEmpty();
    assertThat(found(byPatient(null, "MEY", null, null, null, null))).containsExactly("Meyer");
    // family is the family name only: a given name does not match it, nor the other way round.
    assertThat(found(byPatient(null, "anna", null, null, null, null))).isEmpty();
    assertThat(found(byPatient(null, null, "lena", null, null, null))).containsExactly("Meyer");
    assertThat(found(byPatient(null, null, "meyer", null, null, null))).isEmpty();
    assertThat(found(byPatient(null, null, null, null, null, Gender.FEMALE)))
        .containsExactly("Meyer");
    assertThat(found(byPatient(null, null, null, null, null, Gender.MALE))).isEmpty();
    LocalDate from1983 = LocalDate.of(1983, 1, 1);
    LocalDate to1984 = LocalDate.of(1984, 1, 1);
    assertThat(found(byPatient(null, "meyer", null, from1983, to1984, null)))
        .containsExactly("Meyer");
    assertThat(found(byPatient(null, "weber", null, from1983, to1984, null))).isEmpty();
    var bornIn1990NamedJonas =
        new PatientCriteria(
            EhrIdentifier.of(Patients.HOSPITAL_MRN, "100877"),
            "jonas",
            LocalDate.of(1990, 1, 1),
            LocalDate.of(1991, 1, 1),
            null);
    assertThat(found(bornIn1990NamedJonas)).containsExactly("Weber");
    var bornIn1990NamedAnna =
        new PatientCriteria(null, "anna", LocalDate.of(1990, 1, 1), LocalDate.of(1991, 1, 1), null);
    assertThat(found(bornIn1990NamedAnna)).isEmpty();
  }

  private static PatientCriteria byPatient(
      String id, String family, String given, LocalDate bornFrom, LocalDate bornBefore, Gender g) {
    return new PatientCriteria(
        id, null, null, family, given, bornFrom, bornBefore, g, null, VisiblePatients.all());
  }

  private List<String> found(PatientCriteria criteria) {
    var page = db.inTransaction(em, () -> patients.search(criteria, 0, 10, true));
    assertThat(page.total()).isEqualTo(page.patients().size());
    return page.patients().stream().map(p -> p.familyName()).toList();
  }

  // FHIR-9 (US Core CarePlan patient+category+status+date): the plan's period runs from its first
  // phase's start to its last phase's end and must overlap the searched range.
  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void plansAreFoundByPatientStatusAndTheirWholePeriod(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = draftWithGoal();
    LocalDate end =
        draft.content().phases().stream()
            .map(phase -> phase.endDate())
            .filter(Objects::nonNull)
            .max(LocalDate::compareTo)
            .orElseThrow();
    boolean openEnded =
        draft.content().phases().stream().anyMatch(phase -> phase.endDate() == null);
    var inTheMiddle =
        new CarePlanCriteria(
            patientId, Set.of(PlanStatus.DRAFT), CarePlans.START.plusDays(3), end, false);
    assertThat(db.inTransaction(em, () -> plans.search(inTheMiddle, 0, 10)).plans())
        .extracting(CarePlanView::id)
        .containsExactly(draft.id());
    var activeInTheMiddle =
        new CarePlanCriteria(
            patientId, Set.of(PlanStatus.ACTIVE), CarePlans.START.plusDays(3), end, false);
    assertThat(db.inTransaction(em, () -> plans.search(activeInTheMiddle, 0, 10)).total()).isZero();
    var ofSomeoneElse =
        new CarePlanCriteria("no-such-patient", Set.of(), CarePlans.START, end, false);
    assertThat(db.inTransaction(em, () -> plans.search(ofSomeoneElse, 0, 10)).total()).isZero();
    var afterTheEnd =
        new CarePlanCriteria(patientId, Set.of(), end.plusDays(1), end.plusYears(1), false);
    assertThat(db.inTransaction(em, () -> plans.search(afterTheEnd, 0, 10)).total())
        .isEqualTo(openEnded ? 1 : 0);
    var fromTheLastDay = new CarePlanCriteria(patientId, Set.of(), end, null, false);
    assertThat(db.inTransaction(em, () -> plans.search(fromTheLastDay, 0, 10)).total())
        .isEqualTo(1);
    // date=sa...: the whole period starts on or after; date=eb...: it ends before.
    assertThat(planCount(period(CarePlans.START, null))).isEqualTo(1);
    assertThat(planCount(period(CarePlans.START.plusDays(1), null))).isZero();
    assertThat(planCount(period(null, end.plusDays(1)))).isEqualTo(openEnded ? 0 : 1);
    assertThat(planCount(period(null, end))).isZero();
  }

  private CarePlanCriteria period(LocalDate startsFrom, LocalDate endsBefore) {
    return new CarePlanCriteria(
        patientId, Set.of(), null, null, startsFrom, endsBefore, CarePlanCriteria.Order.CREATED);
  }

  private long planCount(CarePlanCriteria criteria) {
    return db.inTransaction(em, () -> plans.search(criteria, 0, 10)).total();
  }

  // FHIR-9 (US Core Goal patient+target-date, patient+description): due date range, and a word
  // of the description starting with the text.
  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void goalsAreFoundByTargetDateAndDescriptionText(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView draft = draftWithGoal();
    LocalDate due = CarePlans.START.plusDays(45);
    GoalView walk =
        db.inTransaction(
            em,
            () ->
                plans.saveGoal(
                    new SaveGoal(
                        draft.id(),
                        null,
                        patientId,
                        new GoalData(
                            null,
                            "Walk 30 minutes without pain",
                            null,
                            CarePlans.START,
                            due,
                            GoalStatus.ACTIVE),
                        "ehr")));
    String walkId = walk.goal().goalId();
    assertThat(goals(patientId, due, due.plusDays(1), null)).containsExactly(walkId);
    assertThat(goals(patientId, due.plusDays(1), null, null)).doesNotContain(walkId);
    assertThat(goals(patientId, null, due, null)).doesNotContain(walkId);
    assertThat(goals(patientId, null, null, "WALK")).containsExactly(walkId);
    assertThat(goals(patientId, null, null, "minutes")).containsExactly(walkId);
    assertThat(goals(patientId, null, null, "alk")).isEmpty();
    assertThat(goals(patientId, null, null, "run")).isEmpty();
    assertThat(goals("no-such-patient", null, null, "walk")).isEmpty();
  }

  private List<String> goals(String patient, LocalDate dueFrom, LocalDate dueBefore, String text) {
    var criteria =
        new GoalCriteria(
            patient, Set.of(), dueFrom, dueBefore, text, GoalCriteria.Order.TARGET_DATE);
    var page = db.inTransaction(em, () -> plans.searchGoals(criteria, 0, 50));
    assertThat(page.total()).isEqualTo(page.goals().size());
    return page.goals().stream().map(g -> g.goal().goalId()).toList();
  }

  // FHIR-9 (US Core Procedure patient+status): sessions by status, with the date still applied.
  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void sessionsAreFoundByPatientStatusAndDate(JpaTestDatabase.Kind kind) {
    start(kind);
    String planId = draftWithGoal().id();
    SessionView attended =
        db.inTransaction(
            em,
            () ->
                sessions.recordUnscheduled(
                    new RecordUnscheduledSession(
                        planId, patientId, CareData.myofascialReliefFromSevenToFour())));
    OffsetDateTime nextWeek = CareData.lastFridayAtTen().plusDays(7);
    SessionView planned =
        db.inTransaction(
            em,
            () ->
                sessions.schedule(
                    new ScheduleSession(
                        planId,
                        patientId,
                        nextWeek,
                        45,
                        Set.of(),
                        Set.of(TargetRegion.LOWER_BACK))));
    assertThat(sessionIds(Set.of(SessionStatus.ATTENDED), null)).containsExactly(attended.id());
    assertThat(sessionIds(Set.of(SessionStatus.PLANNED), null)).containsExactly(planned.id());
    assertThat(sessionIds(Set.of(SessionStatus.PLANNED, SessionStatus.ATTENDED), null))
        .containsExactly(attended.id(), planned.id());
    assertThat(sessionIds(Set.of(SessionStatus.MISSED, SessionStatus.CANCELLED), null)).isEmpty();
    assertThat(sessionIds(Set.of(SessionStatus.ATTENDED), nextWeek.minusDays(1))).isEmpty();
    assertThat(sessionIds(Set.of(SessionStatus.PLANNED), nextWeek.minusDays(1)))
        .containsExactly(planned.id());
  }

  private List<String> sessionIds(Set<SessionStatus> statuses, OffsetDateTime from) {
    var criteria =
        new SessionCriteria(patientId, Set.of(), statuses, from, null, SessionCriteria.Order.DATE);
    var page = db.inTransaction(em, () -> sessions.search(criteria, 0, 10));
    assertThat(page.total()).isEqualTo(page.sessions().size());
    return page.sessions().stream().map(SessionView::id).toList();
  }
}
