package app.lumbra.fhir.goal;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.application.SaveGoal;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.support.Versions;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;

/**
 * The FHIR write use cases of Goal, each in its own transaction (joined by a transaction Bundle's).
 * A Goal that names a Lumbra plan in the {@code care-plan} extension is a goal of that plan, and
 * each write is a new version of the plan (PLAN-14); a Goal of no Lumbra plan (a partner's own) is
 * the patient's clinical context (FHIR-1). An update with a new id is a create (FHIR-8).
 */
@ApplicationScoped
@Transactional
public class GoalWrites {

  private CarePlanService plans;
  private ClinicalContext context;
  private KeptResources kept;

  /** For the CDI proxy only. */
  protected GoalWrites() {}

  @Inject
  public GoalWrites(CarePlanService plans, ClinicalContext context, KeptResources kept) {
    this.plans = plans;
    this.context = context;
    this.kept = kept;
  }

  public MethodOutcome create(Goal sent) {
    MustUnderstand.check(sent);
    if (GoalFhirMapper.carePlanId(sent) == null) {
      return context.keep(sent, null, null);
    }
    return created(sent, null);
  }

  public MethodOutcome update(IdType id, Goal sent) {
    MustUnderstand.check(sent);
    String goalId = id.getIdPart();
    boolean planGoal = plans.goalExists(goalId);
    if (context.has("Goal", goalId) || GoalFhirMapper.carePlanId(sent) == null && !planGoal) {
      return context.keep(sent, goalId, Versions.expected(id));
    }
    if (!planGoal) {
      return created(sent, goalId);
    }
    GoalView current = plans.goal(goalId);
    String named = GoalFhirMapper.carePlanId(sent);
    if (named != null && !named.equals(current.carePlanId())) {
      throw new InvalidValueException(
          "Goal.extension('care-plan')", named, "CarePlan/" + current.carePlanId());
    }
    if (named == null) {
      GoalFhirMapper.setCarePlan(sent, current.carePlanId());
    }
    GoalView updated = plans.saveGoal(command(sent, goalId, Versions.expected(id), false));
    return new MethodOutcome(idOf(updated), false)
        .setResource(kept.written(sent, GoalFhirMapper.toFhir(updated), Set.of()));
  }

  private MethodOutcome created(Goal sent, String goalId) {
    GoalView created = plans.saveGoal(command(sent, goalId, null, goalId != null));
    return new MethodOutcome(idOf(created), true)
        .setResource(kept.written(sent, GoalFhirMapper.toFhir(created), Set.of()));
  }

  private static SaveGoal command(
      Goal sent, String goalId, Long expectedVersion, boolean createWithGivenId) {
    return new SaveGoal(
        GoalFhirMapper.carePlanId(sent),
        expectedVersion,
        Refs.id("Goal.subject", "Patient", sent.getSubject()),
        GoalFhirMapper.toDomain(sent, goalId),
        CarePlanFhirMapper.DEFAULT_AUTHOR,
        createWithGivenId);
  }

  private static IdType idOf(GoalView view) {
    return new IdType("Goal", view.goal().goalId(), Long.toString(view.planVersion()));
  }
}
