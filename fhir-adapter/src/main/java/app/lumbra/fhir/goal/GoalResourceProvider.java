package app.lumbra.fhir.goal;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.GoalPage;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.domain.GoalCriteria;
import app.lumbra.careplan.domain.GoalStatus;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Versions;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;

/**
 * FHIR {@code Goal}: read and search. Goals are part of their care plan (PLAN-13 edits them with
 * the plan), so they are written through CarePlan create / update with contained Goals.
 */
@ApplicationScoped
public class GoalResourceProvider implements IResourceProvider {

  private CarePlanService plans;
  private FhirSettings settings;

  /** For the CDI proxy only. */
  protected GoalResourceProvider() {}

  @Inject
  public GoalResourceProvider(CarePlanService plans, FhirSettings settings) {
    this.plans = plans;
    this.settings = settings;
  }

  @Override
  public Class<Goal> getResourceType() {
    return Goal.class;
  }

  @Read(version = true)
  public Goal read(@IdParam IdType id) {
    GoalView goal = plans.goal(id.getIdPart());
    Long version = Versions.expected(id);
    if (version != null && version != goal.planVersion()) {
      throw new NotFoundException("Goal version", id.getIdPart() + "/" + version);
    }
    return GoalFhirMapper.toFhir(goal);
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Goal.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Goal.SP_LIFECYCLE_STATUS) TokenOrListParam lifecycleStatus,
      @OptionalParam(name = "_total") StringParam total,
      @Offset Integer offset,
      @Count Integer count) {
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    GoalPage page =
        plans.searchGoals(
            new GoalCriteria(
                patient == null ? null : patient.getIdPart(), statuses(lifecycleStatus)),
            first,
            size);
    return Pages.of(
        page.goals().stream().map(GoalFhirMapper::toFhir).toList(),
        List.of(),
        first,
        size,
        page.total());
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
        default ->
            throw new InvalidValueException(
                "lifecycle-status", token.getValue(), "proposed, active, cancelled or completed");
      }
    }
    return statuses;
  }
}
