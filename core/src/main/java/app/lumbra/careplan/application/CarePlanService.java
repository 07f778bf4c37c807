package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.CarePlan;
import app.lumbra.careplan.domain.CarePlanContent;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.CarePlanId;
import app.lumbra.careplan.domain.CarePlanRepository;
import app.lumbra.careplan.domain.CarePlanVersion;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.GoalCriteria;
import app.lumbra.careplan.domain.PatientFactors;
import app.lumbra.careplan.domain.PlanChecker;
import app.lumbra.careplan.domain.PlanProjection;
import app.lumbra.careplan.domain.PlanRecommender;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.careplan.domain.PlanWarning;
import app.lumbra.careplan.domain.SessionScheduler;
import app.lumbra.condition.domain.Condition;
import app.lumbra.condition.domain.ConditionId;
import app.lumbra.condition.domain.ConditionRepository;
import app.lumbra.condition.domain.PatientStructuralCauses;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.condition.domain.StructuralFindingRepository;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.PageRequest;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Care plan use cases for the FHIR adapter and the portal (PLAN-1..14). Each method is one
 * transaction: a rejected command (invalid value, broken rule, stale version) stores nothing, and
 * every accepted change stores a new readable version with who and when (PLAN-14).
 */
@ApplicationScoped
@Transactional
public class CarePlanService {

  private CarePlanRepository plans;
  private PatientRepository patients;
  private ConditionRepository conditions;
  private StructuralFindingRepository findings;
  private CarePolicy policy;
  private SafetyService safety;
  private Clock clock;

  /** For the CDI proxy only. */
  protected CarePlanService() {}

  @Inject
  public CarePlanService(
      CarePlanRepository plans,
      PatientRepository patients,
      ConditionRepository conditions,
      StructuralFindingRepository findings,
      CarePolicy policy,
      SafetyService safety,
      Clock clock) {
    this.plans = plans;
    this.patients = patients;
    this.conditions = conditions;
    this.findings = findings;
    this.policy = policy;
    this.safety = safety;
    this.clock = clock;
  }

  /**
   * PLAN-13: proposes a whole plan from the patient's factors; stores nothing. The structural
   * causes (PLAN-11) of the named condition, of the patient's other active low-back-pain conditions
   * and of their current structural findings (FHIR-6: causes an EHR lists as problems of their own)
   * are added to the factors.
   *
   * @throws NotFoundException when the patient or condition does not exist
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RecommendationView recommend(@NotNull @Valid RecommendCarePlan command) {
    PatientId patient = patients.get(PatientId.of(command.patientId())).id();
    Optional<Condition> condition = conditionOf(patient, command.conditionId());
    FactorsData factors = command.factors();
    Set<StructuralCause> causes = EnumSet.noneOf(StructuralCause.class);
    causes.addAll(
        PatientStructuralCauses.of(
            conditions.listForPatient(patient), findings.currentFor(patient)));
    condition.ifPresent(named -> causes.addAll(named.structuralCauses()));
    if (factors.structuralCauses() != null) {
      causes.addAll(factors.structuralCauses());
    }
    if (!causes.isEmpty()) {
      factors = withCauses(factors, causes);
    }
    PatientFactors domainFactors = CarePlanMapper.factors(factors);
    // SAFE-2: the recommender never proposes a technique or region ruled out for the patient.
    SafetyService.RuledOut ruledOut = safety.ruledOut(patient.value());
    return CarePlanMapper.recommendation(
        new PlanRecommender(policy)
            .avoiding(
                codes(Technique.class, ruledOut.techniques()),
                codes(TargetRegion.class, ruledOut.regions()))
            .recommend(domainFactors, command.exerciseProgramme(), command.startDate(), clock));
  }

  /**
   * PLAN-13: an edited plan as it would be saved, without storing anything: when {@code
   * reschedule}, its sessions from now on follow the edited phases (a stored plan keeps those
   * already past), never booked in the past; with its projection (PLAN-10), warnings and the
   * PLAN-11 statement from the patient's causes as recorded now.
   *
   * @throws NotFoundException when the patient does not exist
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PlanCheckView recheck(@NotNull @Valid RecheckPlan command) {
    PatientId patient = patients.get(PatientId.of(command.patientId())).id();
    CarePlanContent content = CarePlanMapper.content(command.content());
    CarePolicy.refuseBeyondLimits(content);
    List<PlanWarning> warnings = new ArrayList<>();
    if (command.reschedule()) {
      SessionScheduler.Schedule schedule =
          new SessionScheduler(policy)
              .reschedule(
                  content,
                  OffsetDateTime.now(clock),
                  clock.getZone(),
                  command.carePlanId() != null);
      content = content.withSessions(schedule.sessions());
      warnings.addAll(schedule.shortfalls());
    }
    Set<StructuralCause> current = currentCauses(patient);
    warnings.addAll(new PlanChecker(policy).check(content, current));
    return new PlanCheckView(
        CarePlanMapper.data(content),
        CarePlanMapper.projection(PlanProjection.of(content)),
        CarePlanMapper.warnings(warnings),
        CarePolicy.structuralCauseStatement(PlanChecker.structuralCauses(content, current))
            .orElse(null),
        command.reschedule());
  }

  /** PLAN-13: the warnings an edited plan would get, without storing anything. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WarningView> check(@NotNull @Valid PlanContentData content) {
    return CarePlanMapper.warnings(new PlanChecker(policy).check(CarePlanMapper.content(content)));
  }

  /**
   * PLAN-10: sessions, cost and weekly time of an edited plan, as the recommendation shows them;
   * stores nothing.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ProjectionView project(@NotNull @Valid PlanContentData content) {
    return CarePlanMapper.projection(PlanProjection.of(CarePlanMapper.content(content)));
  }

  /**
   * Creates a draft plan from a (possibly edited) recommendation.
   *
   * @throws NotFoundException when the patient or condition does not exist
   * @throws InvalidValueException when a value is out of range (PLAN-5 and others)
   * @throws RuleViolationException when the phases break PLAN-2
   */
  public CarePlanView createDraft(@NotNull @Valid CreateCarePlan command) {
    return create(command, PlanStatus.DRAFT);
  }

  /**
   * Creates a plan that starts as a draft or, as an exchange partner may send it, already active
   * (PLAN-14: draft → active in the same change); either way the plan gets one first version.
   *
   * @throws RuleViolationException when {@code status} is neither DRAFT nor ACTIVE (PLAN-14)
   * @throws IdInUseException when the requested id is already a plan's (FHIR-8)
   */
  public CarePlanView create(@NotNull @Valid CreateCarePlan command, @NotNull PlanStatus status) {
    if (status != PlanStatus.DRAFT && status != PlanStatus.ACTIVE) {
      throw new RuleViolationException(
          "PLAN-14", "status", "a new plan starts as DRAFT or ACTIVE, not " + status);
    }
    PatientId patient = patients.get(PatientId.of(command.patientId())).id();
    ConditionId condition =
        conditionOf(patient, command.conditionId()).map(Condition::id).orElse(null);
    CarePlanContent content = CarePlanMapper.content(command.content());
    CarePolicy.refuseBeyondLimits(content);
    CarePlanId id = CarePlanId.requestedOrRandom(command.id());
    if (command.id() != null && plans.find(id).isPresent()) {
      throw new IdInUseException("CarePlan", id.value());
    }
    requireSafe(patient, content);
    if (status == PlanStatus.ACTIVE) {
      requireSafeToActivate(id, patient, content);
    }
    CarePlan plan = CarePlan.draft(id, patient, condition, content, command.author(), clock);
    if (status == PlanStatus.ACTIVE) {
      plan.activate(command.author(), clock);
    }
    plans.add(plan);
    return recordVersion(plan);
  }

  /**
   * Replaces the plan's content with the clinician's edit and re-checks it (PLAN-13).
   *
   * @throws VersionConflictException when the plan changed since {@code expectedVersion}
   * @throws RuleViolationException when the plan is completed or revoked (PLAN-14)
   */
  public CarePlanView edit(@NotNull @Valid EditCarePlan command) {
    CarePlan plan = current(command.carePlanId(), command.expectedVersion());
    CarePlanContent content = CarePlanMapper.content(command.content());
    CarePolicy.refuseBeyondLimits(content);
    requireSafe(plan.patientId(), content);
    plan.revise(content, command.author(), clock);
    plans.flush(plan);
    return recordVersion(plan);
  }

  /**
   * PLAN-14: draft → active (or on hold → active).
   *
   * @throws RuleViolationException naming SAFE-1 when the plan's red-flag screen is positive, or
   *     SAFE-2 when it uses a ruled-out technique or region or a precaution is not confirmed
   */
  public CarePlanView activate(@NotNull @Valid PlanTransition command) {
    return transition(command, this::activateSafely);
  }

  /** PLAN-14: active → on hold. */
  public CarePlanView putOnHold(@NotNull @Valid PlanTransition command) {
    return transition(command, CarePlan::putOnHold);
  }

  /** PLAN-14: on hold → active, checked as an activation (SAFE-1, SAFE-2). */
  public CarePlanView resume(@NotNull @Valid PlanTransition command) {
    return transition(
        command,
        (plan, author, clock) -> {
          requireSafeToActivate(plan);
          plan.resume(author, clock);
        });
  }

  private void activateSafely(CarePlan plan, String author, Clock clock) {
    requireSafeToActivate(plan);
    plan.activate(author, clock);
  }

  /** SAFE-2: the content uses no technique or region ruled out for the patient. */
  private void requireSafe(PatientId patient, CarePlanContent content) {
    safety.checkPlanContent(patient.value(), techniques(content), regions(content));
  }

  /** SAFE-1 and SAFE-2 before a plan becomes active. */
  private void requireSafeToActivate(CarePlan plan) {
    requireSafeToActivate(plan.id(), plan.patientId(), plan.content());
  }

  private void requireSafeToActivate(CarePlanId plan, PatientId patient, CarePlanContent content) {
    safety.checkActivation(plan.value(), patient.value(), techniques(content), regions(content));
  }

  private static Set<String> techniques(CarePlanContent content) {
    Set<String> codes = new TreeSet<>();
    content.phases().forEach(phase -> phase.techniques().forEach(t -> codes.add(t.name())));
    return codes;
  }

  private static Set<String> regions(CarePlanContent content) {
    Set<String> codes = new TreeSet<>();
    content.phases().forEach(phase -> phase.targetRegions().forEach(r -> codes.add(r.name())));
    return codes;
  }

  /** The constants of {@code type} named by {@code names}, skipping names it does not know. */
  private static <E extends Enum<E>> Set<E> codes(Class<E> type, Set<String> names) {
    Set<E> constants = EnumSet.noneOf(type);
    for (E constant : type.getEnumConstants()) {
      if (names.contains(constant.name())) {
        constants.add(constant);
      }
    }
    return constants;
  }

  /** PLAN-14: active or on hold → completed. */
  public CarePlanView complete(@NotNull @Valid PlanTransition command) {
    return transition(command, CarePlan::complete);
  }

  /** PLAN-14: draft, active or on hold → revoked. */
  public CarePlanView revoke(@NotNull @Valid PlanTransition command) {
    return transition(command, CarePlan::revoke);
  }

  /** The current version of a plan, with fresh warnings. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CarePlanView get(@NotNull String carePlanId) {
    return view(plans.get(CarePlanId.of(carePlanId)));
  }

  /** The patient a plan belongs to, if the plan exists; cheaper than {@link #get}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> patientOf(@NotNull String carePlanId) {
    return plans.find(CarePlanId.of(carePlanId)).map(plan -> plan.patientId().value());
  }

  /** The patient's plans, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CarePlanView> listForPatient(@NotNull String patientId) {
    return plans.listForPatient(PatientId.of(patientId)).stream().map(this::view).toList();
  }

  /** PLAN-14: every version of the plan, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CarePlanVersionSummary> history(@NotNull String carePlanId) {
    CarePlanId id = plans.get(CarePlanId.of(carePlanId)).id();
    return plans.versions(id).stream()
        .map(
            version ->
                new CarePlanVersionSummary(
                    id.value(),
                    version.versionNumber(),
                    version.change(),
                    version.status(),
                    version.changedAt(),
                    version.changedBy()))
        .toList();
  }

  /**
   * PLAN-14: the plan as it was at {@code versionNumber}, with the warnings it had then.
   *
   * @throws NotFoundException when the plan or that version does not exist
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CarePlanView version(@NotNull String carePlanId, long versionNumber) {
    CarePlanId id = CarePlanId.of(carePlanId);
    return plans
        .version(id, versionNumber)
        .map(version -> CarePlanSnapshots.read(version.snapshot()))
        .orElseThrow(() -> new NotFoundException("CarePlan version", id + "/" + versionNumber));
  }

  /**
   * Replaces content and status in one transaction, as one new version: the content is edited when
   * it differs, then the plan moves to {@code status} when that differs (PLAN-14). Nothing changes
   * when neither differs.
   *
   * @throws VersionConflictException when the plan changed since {@code expectedVersion}
   * @throws RuleViolationException when the move is not allowed or the plan is final (PLAN-14)
   */
  public CarePlanView replace(@NotNull @Valid ReplaceCarePlan command) {
    CarePlan plan = current(command.carePlanId(), command.expectedVersion());
    CarePlanContent content = CarePlanMapper.content(command.content());
    boolean edited = !CarePlanMapper.data(content).equals(CarePlanMapper.data(plan.content()));
    boolean moved = command.status() != plan.status();
    // Checked before anything changes: the checks read, and a read flushes pending changes.
    if (edited) {
      requireSafe(plan.patientId(), content);
    }
    if (moved && command.status() == PlanStatus.ACTIVE) {
      requireSafeToActivate(plan.id(), plan.patientId(), content);
    }
    if (edited) {
      CarePolicy.refuseBeyondLimits(content);
      plan.revise(content, command.author(), clock);
    }
    if (moved) {
      transitionTo(command.status()).apply(plan, command.author(), clock);
    }
    if (!edited && !moved) {
      return view(plan);
    }
    plans.flush(plan);
    return recordVersion(plan);
  }

  private static Transition transitionTo(PlanStatus target) {
    return switch (target) {
      case ACTIVE -> CarePlan::activate;
      case ON_HOLD -> CarePlan::putOnHold;
      case COMPLETED -> CarePlan::complete;
      case REVOKED -> CarePlan::revoke;
      case DRAFT ->
          (plan, author, clock) -> {
            throw new RuleViolationException(
                "PLAN-14", "status", "a " + plan.status() + " plan cannot go back to DRAFT");
          };
    };
  }

  /** A page of the plans matching {@code criteria}, with fresh warnings and the total count. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CarePlanPage search(@NotNull CarePlanCriteria criteria, int offset, int limit) {
    PageRequest.of(offset, limit);
    List<CarePlanView> page =
        plans.search(criteria, offset, limit).stream().map(this::view).toList();
    return new CarePlanPage(page, offset, limit, plans.count(criteria));
  }

  /** Whether a goal of some plan has this id; never marks the caller's transaction for rollback. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean goalExists(@NotNull String goalId) {
    return plans.findByGoal(goalId).isPresent();
  }

  /**
   * The goal with this id and the plan that holds it.
   *
   * @throws NotFoundException when no plan has such a goal
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public GoalView goal(@NotNull String goalId) {
    CarePlan plan =
        plans.findByGoal(goalId).orElseThrow(() -> new NotFoundException("Goal", goalId));
    return goalView(plan, goalId);
  }

  /**
   * Adds or replaces one goal of a plan as a new version of the plan (PLAN-14).
   *
   * @throws NotFoundException when the plan, or the goal to replace, does not exist (unless {@code
   *     createWithGivenId})
   * @throws IdInUseException when a goal to create with a given id is another plan's (FHIR-8)
   * @throws VersionConflictException when the plan changed since {@code expectedVersion}
   * @throws RuleViolationException when the plan is completed or revoked (PLAN-14)
   */
  public GoalView saveGoal(@NotNull @Valid SaveGoal command) {
    CarePlan plan = plans.get(CarePlanId.of(command.carePlanId()));
    if (command.expectedVersion() != null && plan.version() != command.expectedVersion()) {
      throw new VersionConflictException(
          "CarePlan", plan.id(), command.expectedVersion(), plan.version());
    }
    if (command.patientId() != null && !plan.patientId().value().equals(command.patientId())) {
      throw new InvalidValueException(
          "patientId", command.patientId(), "the patient of care plan " + plan.id());
    }
    PlanContentData data = CarePlanMapper.data(plan.content());
    List<GoalData> goals = new ArrayList<>(data.goals());
    GoalData goal = command.goal();
    String givenId = goal.goalId();
    boolean inThisPlan =
        givenId != null && goals.stream().anyMatch(other -> other.goalId().equals(givenId));
    String goalId = givenId;
    if (goalId == null || (command.createWithGivenId() && !inThisPlan)) {
      goalId = newGoalId(goalId);
      goals.add(
          new GoalData(
              goalId,
              goal.description(),
              goal.targetPainAtMost(),
              goal.startDate(),
              goal.dueDate(),
              goal.status()));
    } else {
      int index = -1;
      for (int i = 0; i < goals.size(); i++) {
        if (goals.get(i).goalId().equals(goalId)) {
          index = i;
        }
      }
      if (index < 0) {
        throw new NotFoundException("Goal", goalId);
      }
      goals.set(index, goal);
    }
    PlanContentData edited =
        new PlanContentData(
            data.title(),
            data.factors(),
            data.phases(),
            data.sessions(),
            data.exerciseProgramme(),
            data.homeCareTasks(),
            goals,
            data.coManagementFlagged(),
            data.expectations());
    plan.revise(CarePlanMapper.content(edited), command.author(), clock);
    plans.flush(plan);
    recordVersion(plan);
    return goalView(plan, goalId);
  }

  /**
   * FHIR-8: the id a client chose for a new goal, unless another plan's goal has it; a fresh random
   * one when none was chosen.
   */
  private String newGoalId(String requested) {
    String id = RecordIds.requestedOrRandom("goalId", requested);
    if (requested != null && plans.findByGoal(id).isPresent()) {
      throw new IdInUseException("Goal", id);
    }
    return id;
  }

  /** A page of the goals matching {@code criteria}, by start date, with the total count. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public GoalPage searchGoals(@NotNull GoalCriteria criteria, int offset, int limit) {
    PageRequest.of(offset, limit);
    List<GoalView> page =
        plans.searchGoals(criteria, offset, limit).stream()
            .map(ref -> goalView(plans.get(CarePlanId.of(ref.carePlanId())), ref.goalId()))
            .toList();
    return new GoalPage(page, offset, limit, plans.countGoals(criteria));
  }

  /**
   * PLAN-14: a page of the versions of all plans changed since {@code since} (null: ever), newest
   * first, each as the plan was then.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CarePlanPage historyOfAll(OffsetDateTime since, int offset, int limit) {
    PageRequest.of(offset, limit);
    List<CarePlanView> page =
        plans.versionsSince(since, offset, limit).stream()
            .map(version -> CarePlanSnapshots.read(version.snapshot()))
            .toList();
    return new CarePlanPage(page, offset, limit, plans.countVersionsSince(since));
  }

  private static GoalView goalView(CarePlan plan, String goalId) {
    GoalData goal =
        CarePlanMapper.data(plan.content()).goals().stream()
            .filter(candidate -> candidate.goalId().equals(goalId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Goal", goalId));
    return new GoalView(
        plan.id().value(),
        plan.patientId().value(),
        plan.conditionId().map(ConditionId::value).orElse(null),
        plan.version(),
        plan.updatedAt(),
        goal);
  }

  private CarePlanView transition(PlanTransition command, Transition change) {
    CarePlan plan = current(command.carePlanId(), command.expectedVersion());
    change.apply(plan, command.author(), clock);
    plans.flush(plan);
    return recordVersion(plan);
  }

  /** A lifecycle verb of the plan, applied with the service's clock. */
  @FunctionalInterface
  private interface Transition {
    void apply(CarePlan plan, String author, Clock clock);
  }

  private CarePlan current(String carePlanId, long expectedVersion) {
    CarePlan plan = plans.get(CarePlanId.of(carePlanId));
    if (plan.version() != expectedVersion) {
      throw new VersionConflictException("CarePlan", plan.id(), expectedVersion, plan.version());
    }
    return plan;
  }

  private CarePlanView recordVersion(CarePlan plan) {
    CarePlanView view = view(plan);
    plans.addVersion(CarePlanVersion.of(plan, CarePlanSnapshots.write(view)));
    return view;
  }

  /** Fresh warnings and the PLAN-11 statement from the patient's causes as recorded now. */
  private CarePlanView view(CarePlan plan) {
    Set<StructuralCause> current = currentCauses(plan.patientId());
    return CarePlanMapper.view(
        plan,
        new PlanChecker(policy).check(plan.content(), current),
        PlanChecker.structuralCauses(plan.content(), current));
  }

  /**
   * PLAN-11: the structural causes on the patient's active low-back-pain conditions and current
   * structural findings.
   */
  private Set<StructuralCause> currentCauses(PatientId patient) {
    return PatientStructuralCauses.of(
        conditions.listForPatient(patient), findings.currentFor(patient));
  }

  private Optional<Condition> conditionOf(PatientId patient, String conditionId) {
    if (conditionId == null || conditionId.isBlank()) {
      return Optional.empty();
    }
    Condition condition = conditions.get(ConditionId.of(conditionId));
    if (!condition.patientId().equals(patient)) {
      throw new InvalidValueException(
          "conditionId", conditionId, "a condition recorded for patient " + patient);
    }
    return Optional.of(condition);
  }

  private static FactorsData withCauses(FactorsData factors, Set<StructuralCause> causes) {
    return new FactorsData(
        factors.onsetType(),
        factors.painScore(),
        factors.severity(),
        causes,
        factors.intensityPreference(),
        factors.lifestyles(),
        factors.pricePerSession(),
        factors.currency(),
        factors.monthlyBudget(),
        factors.availableDays(),
        factors.preferredTime());
  }
}
