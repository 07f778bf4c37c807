package app.lumbra.fhir.goal;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanVersionSummary;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.GoalPage;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.domain.GoalCriteria;
import app.lumbra.careplan.domain.GoalStatus;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.DateRanges;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.support.Versions;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;

/**
 * FHIR {@code Goal}: read, vread, history, create, update and search. Goals are part of their care
 * plan (PLAN-13 edits them with the plan): a Goal names its plan in the {@code care-plan}
 * extension, and every Goal write is a new version of that plan. CarePlan create / update may also
 * carry new goals as contained Goals.
 */
@ApplicationScoped
public class GoalResourceProvider implements IResourceProvider {

  private CarePlanService plans;
  private FhirSettings settings;
  private GoalWrites writes;
  private ClinicalContext context;

  /** For the CDI proxy only. */
  protected GoalResourceProvider() {}

  @Inject
  public GoalResourceProvider(
      CarePlanService plans, FhirSettings settings, GoalWrites writes, ClinicalContext context) {
    this.writes = writes;
    this.context = context;
    this.plans = plans;
    this.settings = settings;
  }

  @Override
  public Class<Goal> getResourceType() {
    return Goal.class;
  }

  /** A goal's versions are its plan's versions (PLAN-14), so older ones stay readable. */
  @Read(version = true)
  public Goal read(@IdParam IdType id) {
    return context.readOr(Goal.class, id, () -> planGoal(id));
  }

  private Goal planGoal(IdType id) {
    GoalView goal = plans.goal(id.getIdPart());
    Long version = Versions.expected(id);
    if (version == null || version == goal.planVersion()) {
      return GoalFhirMapper.toFhir(goal);
    }
    return atVersion(goal, version)
        .orElseThrow(() -> new NotFoundException("Goal version", id.getIdPart() + "/" + version));
  }

  /**
   * Adds the goal to the plan its {@code care-plan} extension names, as a new plan version. The
   * author is {@link CarePlanFhirMapper#DEFAULT_AUTHOR}: a Goal names no author of its own.
   */
  /** A goal of a Lumbra plan, or of none (clinical context): {@link GoalWrites}. */
  @Create
  public MethodOutcome create(@ResourceParam Goal resource) {
    return writes.create(resource);
  }

  /** Replaces the goal in its plan; If-Match names the plan version (a stale one is 412). */
  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Goal resource) {
    return writes.update(id, resource);
  }

  /** The goal in every version of its plan that has it, newest first. */
  @History
  public List<Goal> history(@IdParam IdType id) {
    if (context.has("Goal", id.getIdPart())) {
      return context.historyOr(Goal.class, id, List::of);
    }
    GoalView goal = plans.goal(id.getIdPart());
    List<Goal> versions = new ArrayList<>();
    for (CarePlanVersionSummary summary : plans.history(goal.carePlanId())) {
      atVersion(goal, summary.version()).ifPresent(version -> versions.add(0, version));
    }
    return Pages.asHistory(versions);
  }

  private Optional<Goal> atVersion(GoalView goal, long version) {
    CarePlanView plan = plans.version(goal.carePlanId(), version);
    return plan.content().goals().stream()
        .filter(candidate -> candidate.goalId().equals(goal.goal().goalId()))
        .findFirst()
        .map(
            data ->
                GoalFhirMapper.toFhir(
                    new GoalView(
                        plan.id(),
                        plan.patientId(),
                        plan.conditionId(),
                        plan.version(),
                        plan.updatedAt(),
                        data)));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Goal.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Goal.SP_LIFECYCLE_STATUS) TokenOrListParam lifecycleStatus,
      @OptionalParam(name = Goal.SP_TARGET_DATE) DateRangeParam targetDate,
      @OptionalParam(name = "description") TokenParam description,
      @OptionalParam(name = "_total") StringParam total,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    Set<GoalStatus> statuses = statuses(lifecycleStatus);
    boolean textDescription =
        description != null && description.getModifier() == TokenParamModifier.TEXT;
    DateRanges.Range<LocalDate> due = DateRanges.dates("target-date", targetDate);
    // FHIR-9: a lifecycle status no Lumbra goal is in, or a coded description (Lumbra's goals carry
    // their description as text only), is only the clinical context's; the context answers
    // neither a target date nor a text description.
    boolean planGoalsMayMatch =
        !(lifecycleStatus != null && statuses.isEmpty())
            && (description == null || textDescription);
    ContextCriteria others =
        targetDate != null || textDescription
            ? null
            : new ContextCriteria(
                "Goal",
                patient == null ? null : patient.getIdPart(),
                description == null
                    ? Map.of()
                    : Map.of("description", List.of(ClinicalContext.match(description))),
                ClinicalContext.codes(lifecycleStatus),
                null,
                null,
                null,
                null,
                false);
    if (!planGoalsMayMatch) {
      return context.after(List.of(), 0, List.of(), others, first, size);
    }
    GoalPage page =
        plans.searchGoals(
            new GoalCriteria(
                patient == null ? null : patient.getIdPart(),
                statuses,
                due.from(),
                due.before(),
                description == null ? null : description.getValue(),
                order(sort)),
            first,
            size);
    return context.after(
        page.goals().stream().map(GoalFhirMapper::toFhir).toList(),
        page.total(),
        List.of(),
        others,
        first,
        size);
  }

  private static GoalCriteria.Order order(SortSpec sort) {
    String key = Sorting.of("Goal", sort);
    if (key == null) {
      return GoalCriteria.Order.START_DATE;
    }
    return switch (key) {
      case "-start-date" -> GoalCriteria.Order.START_DATE_DESCENDING;
      case "target-date" -> GoalCriteria.Order.TARGET_DATE;
      case "-target-date" -> GoalCriteria.Order.TARGET_DATE_DESCENDING;
      case "lifecycle-status" -> GoalCriteria.Order.STATUS;
      case "-lifecycle-status" -> GoalCriteria.Order.STATUS_DESCENDING;
      default -> GoalCriteria.Order.START_DATE;
    };
  }

  private static Set<GoalStatus> statuses(TokenOrListParam param) {
    if (param == null) {
      return Set.of();
    }
    Set<GoalStatus> statuses = EnumSet.noneOf(GoalStatus.class);
    for (TokenParam token : param.getValuesAsQueryTokens()) {
      switch (token.getValue()) {
        case "proposed" -> statuses.add(GoalStatus.PROPOSED);
        case "active" -> statuses.add(GoalStatus.ACTIVE);
        case "cancelled" -> statuses.add(GoalStatus.CANCELLED);
        case "completed" ->
            statuses.addAll(EnumSet.of(GoalStatus.ACHIEVED, GoalStatus.NOT_ACHIEVED));
        // Valid FHIR statuses no Lumbra goal is ever in: they match nothing.
        case "planned", "accepted", "on-hold", "entered-in-error", "rejected" -> {}
        default ->
            throw new InvalidValueException(
                "lifecycle-status",
                token.getValue(),
                "proposed, planned, accepted, active, on-hold, completed, cancelled,"
                    + " entered-in-error or rejected");
      }
    }
    return statuses;
  }
}
