package app.lumbra.fhir.careplan;

import app.lumbra.careplan.application.CarePlanPage;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.WarningView;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.DateRanges;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.support.ValidationOutcomes;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.outcome.application.OutcomeService;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.domain.SessionCriteria;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.PageRequest;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * FHIR {@code CarePlan}: read, vread and instance history over the plan's stored versions
 * (PLAN-14), create, update with If-Match (a stale version is 412), search with {@code _include} of
 * goals and the addressed condition and {@code _revinclude} of sessions and readings.
 */
@ApplicationScoped
public class CarePlanResourceProvider implements IResourceProvider {

  /**
   * What the server derives whatever a client sends: activity status from the plan's status and
   * dates, and the record of the last change (PLAN-14).
   */
  private CarePlanService plans;

  private ConditionService conditions;
  private SessionService sessions;
  private ObservationService observations;
  private FhirSettings settings;
  private CarePlanWrites writes;
  private ClinicalContext context;
  private OutcomeService outcomes;
  private Validator validator;

  /** For the CDI proxy only. */
  protected CarePlanResourceProvider() {}

  @Inject
  public CarePlanResourceProvider(
      CarePlanService plans,
      ConditionService conditions,
      SessionService sessions,
      ObservationService observations,
      FhirSettings settings,
      Validator validator,
      CarePlanWrites writes,
      ClinicalContext context,
      OutcomeService outcomes) {
    this.outcomes = outcomes;
    this.writes = writes;
    this.context = context;
    this.plans = plans;
    this.conditions = conditions;
    this.sessions = sessions;
    this.observations = observations;
    this.settings = settings;
    this.validator = validator;
  }

  /** OUT-3: a completed plan carries its discharge summary, if it was completed by discharge. */
  private CarePlan toFhir(CarePlanView view) {
    return CarePlanFhirMapper.toFhir(
        view,
        view.status() == PlanStatus.COMPLETED
            ? outcomes.dischargeSummary(view.id())
            : Optional.empty());
  }

  @Override
  public Class<CarePlan> getResourceType() {
    return CarePlan.class;
  }

  @Read(version = true)
  public CarePlan read(@IdParam IdType id) {
    return context.readOr(
        CarePlan.class,
        id,
        () -> {
          Long version = Versions.expected(id);
          return toFhir(
              version == null ? plans.get(id.getIdPart()) : plans.version(id.getIdPart(), version));
        });
  }

  /** PLAN-14: every version, newest first as FHIR history lists them. */
  @History
  public List<CarePlan> history(@IdParam IdType id) {
    if (context.has("CarePlan", id.getIdPart())) {
      return context.historyOr(CarePlan.class, id, List::of);
    }
    List<CarePlan> versions = new ArrayList<>();
    plans
        .history(id.getIdPart())
        .forEach(
            summary -> versions.add(0, toFhir(plans.version(id.getIdPart(), summary.version()))));
    return Pages.asHistory(versions);
  }

  /** PLAN-14: the versions of all plans, newest first, paged in the database. */
  @History
  public IBundleProvider typeHistory(
      @Since InstantType since, @Offset Integer offset, @Count Integer count) {
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    CarePlanPage page =
        plans.historyOfAll(
            since == null || since.getValue() == null
                ? null
                : since.getValue().toInstant().atOffset(ZoneOffset.UTC),
            first,
            size);
    return Pages.history(
        page.plans().stream().map(this::toFhir).toList(), first, size, page.total());
  }

  /**
   * A new plan starts as draft or active (PLAN-14), with one first version; a plan of massage is
   * Lumbra's, any other plan is the patient's clinical context ({@link CarePlanWrites}).
   */
  @Create
  public MethodOutcome create(@ResourceParam CarePlan resource) {
    return writes.create(resource);
  }

  /** Update with If-Match; a new id is a create (FHIR-8). */
  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam CarePlan resource) {
    return writes.update(id, resource);
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = CarePlan.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = CarePlan.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = CarePlan.SP_CATEGORY) TokenParam category,
      @OptionalParam(name = CarePlan.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = CarePlan.SP_DATE) DateRangeParam date,
      @OptionalParam(name = "_total") StringParam total,
      @IncludeParam(allow = {"CarePlan:goal", "CarePlan:addresses"}) Set<Include> includes,
      @IncludeParam(
              reverse = true,
              allow = {"Observation:based-on", "Procedure:based-on"})
          Set<Include> revIncludes,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    ReferenceParam who = patient != null ? patient : subject;
    // The clinical context's plans (other care) by patient, category and status; it answers no
    // date, whose meaning here is the whole period of a Lumbra plan.
    ContextCriteria others =
        date != null
            ? null
            : new ContextCriteria(
                "CarePlan",
                who == null ? null : who.getIdPart(),
                category == null
                    ? Map.of()
                    : Map.of("category", List.of(ClinicalContext.match(category))),
                ClinicalContext.codes(status),
                null,
                null,
                null,
                null,
                false);
    Set<PlanStatus> statuses = statuses(status);
    if ((category != null && !isAssessPlan(category)) || (status != null && statuses.isEmpty())) {
      // FHIR-9: every Lumbra plan is an assess-plan in a status Lumbra uses; anything else is
      // only the clinical context's.
      return context.after(List.of(), 0, List.of(), others, first, size);
    }
    // FHIR-9: date is the plan's period; eq, lt, le, gt, ge ask it to overlap, sa and eb to lie
    // wholly after or before the value.
    DateRanges.PeriodRange<LocalDate> period = DateRanges.periodDates("date", date);
    CarePlanCriteria criteria =
        new CarePlanCriteria(
            who == null ? null : who.getIdPart(),
            statuses,
            period.overlaps().from(),
            period.overlaps().before(),
            period.startsFrom(),
            period.endsBefore(),
            order(sort));
    CarePlanPage page = plans.search(criteria, first, size);
    return context.after(
        page.plans().stream().map(this::toFhir).toList(),
        page.total(),
        included(page.plans(), includes, revIncludes),
        others,
        first,
        size);
  }

  private static CarePlanCriteria.Order order(SortSpec sort) {
    String key = Sorting.of("CarePlan", sort);
    if (key == null) {
      return CarePlanCriteria.Order.CREATED_DESCENDING;
    }
    return switch (key) {
      case "date" -> CarePlanCriteria.Order.CREATED;
      case "status" -> CarePlanCriteria.Order.STATUS;
      case "-status" -> CarePlanCriteria.Order.STATUS_DESCENDING;
      case "_lastUpdated" -> CarePlanCriteria.Order.LAST_UPDATED;
      case "-_lastUpdated" -> CarePlanCriteria.Order.LAST_UPDATED_DESCENDING;
      default -> CarePlanCriteria.Order.CREATED_DESCENDING;
    };
  }

  private List<IAnyResource> included(
      List<CarePlanView> page, Set<Include> includes, Set<Include> revIncludes) {
    List<IAnyResource> included = new ArrayList<>();
    Set<String> wanted =
        includes == null
            ? Set.of()
            : includes.stream().map(Include::getValue).collect(Collectors.toSet());
    Set<String> reverse =
        revIncludes == null
            ? Set.of()
            : revIncludes.stream().map(Include::getValue).collect(Collectors.toSet());
    for (CarePlanView plan : page) {
      if (wanted.contains("CarePlan:goal")) {
        plan.content()
            .goals()
            .forEach(goal -> included.add(GoalFhirMapper.toFhir(plans.goal(goal.goalId()))));
      }
      if (wanted.contains("CarePlan:addresses") && plan.conditionId() != null) {
        included.add(ConditionFhirMapper.toFhir(conditions.get(plan.conditionId())));
      }
    }
    Set<String> planIds = page.stream().map(CarePlanView::id).collect(Collectors.toSet());
    if (!planIds.isEmpty() && reverse.contains("Procedure:based-on")) {
      sessions
          .search(new SessionCriteria(null, planIds, null, null, false), 0, PageRequest.MAX_LIMIT)
          .sessions()
          .forEach(session -> included.add(ProcedureFhirMapper.toFhir(session)));
    }
    if (!planIds.isEmpty() && reverse.contains("Observation:based-on")) {
      observations
          .search(
              new ReadingCriteria(null, planIds, null, null, null, null, null, null, null),
              0,
              PageRequest.MAX_LIMIT)
          .observations()
          .forEach(observation -> included.add(ObservationFhirMapper.toFhir(observation)));
    }
    return included;
  }

  // A token with a system names that system; without one, the code alone decides.
  private static boolean isAssessPlan(TokenParam category) {
    boolean system =
        category.getSystem() == null
            || category.getSystem().isEmpty()
            || Terminology.CAREPLAN_CATEGORY.equals(category.getSystem());
    return system && Terminology.CAREPLAN_ASSESS_PLAN.equals(category.getValue());
  }

  private static Set<PlanStatus> statuses(TokenOrListParam status) {
    if (status == null) {
      return Set.of();
    }
    Set<PlanStatus> statuses = EnumSet.noneOf(PlanStatus.class);
    for (TokenParam token : status.getValuesAsQueryTokens()) {
      String code = token.getValue();
      if ("entered-in-error".equals(code) || "unknown".equals(code)) {
        continue;
      }
      PlanStatus found = null;
      for (PlanStatus candidate : PlanStatus.values()) {
        if (candidate.name().replace('_', '-').equalsIgnoreCase(code)) {
          found = candidate;
        }
      }
      if (found == null) {
        throw new InvalidValueException(
            "status",
            code,
            "draft, active, on-hold, revoked, completed, entered-in-error or unknown");
      }
      statuses.add(found);
    }
    return statuses;
  }

  /** {@code $validate}: the plan is checked against PLAN-1..13 (warnings), nothing stored. */
  @Validate
  public MethodOutcome validate(@ResourceParam CarePlan resource) {
    return ValidationOutcomes.of(
        () -> {
          CarePlanFhirMapper.CarePlanData data =
              CarePlanFhirMapper.toDomain(resource, goalId -> Optional.empty());
          ValidationOutcomes.valid(validator, data.content());
          return plans.check(data.content()).stream()
              .map((WarningView w) -> w.ruleId() + " (" + w.field() + "): " + w.message())
              .toList();
        });
  }
}
