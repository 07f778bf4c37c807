package app.lumbra.exchange.application;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.application.SaveGoal;
import app.lumbra.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A Goal a partner writes, in one transaction. A Goal that names a Lumbra plan is a goal of that
 * plan, and each write is a new version of the plan (PLAN-14); a Goal of no Lumbra plan (a
 * partner's own) is the patient's clinical context (FHIR-1). An update with a new id is a create
 * (FHIR-8).
 */
@ApplicationScoped
@Transactional
public class GoalExchange {

  static final String TYPE = "Goal";

  private CarePlanService plans;
  private PartnerRecords partner;

  /** For the CDI proxy only. */
  protected GoalExchange() {}

  @Inject
  public GoalExchange(CarePlanService plans, PartnerRecords partner) {
    this.plans = plans;
    this.partner = partner;
  }

  /** Create ({@code write.id()} null) or update of {@code write.id()}. */
  public Written<GoalView> write(@NotNull @Valid GoalWrite write) {
    String goalId = write.id();
    boolean planGoal = goalId != null && plans.goalExists(goalId);
    if (goalId != null && partner.isContext(TYPE, goalId)
        || write.namedPlan() == null && !planGoal) {
      return Written.context(partner.keep(write.asContext().get(), write.expectedVersion()));
    }
    if (!planGoal) {
      return saved(write, write.namedPlan(), null, goalId != null, true);
    }
    String planId = plans.goal(goalId).carePlanId();
    if (write.namedPlan() != null && !write.namedPlan().equals(planId)) {
      throw new InvalidValueException(
          "Goal.extension('care-plan')", write.namedPlan(), "CarePlan/" + planId);
    }
    return saved(write, planId, write.expectedVersion(), false, false);
  }

  private Written<GoalView> saved(
      GoalWrite write,
      String planId,
      Long expectedVersion,
      boolean createWithGivenId,
      boolean created) {
    GoalWrite.PlanGoal goal = write.goal().get();
    GoalView saved =
        plans.saveGoal(
            new SaveGoal(
                planId,
                expectedVersion,
                goal.patientId(),
                goal.goal(),
                goal.author(),
                createWithGivenId));
    partner.keepBeside(
        TYPE, saved.goal().goalId(), saved.planVersion(), write.document().beside(saved));
    return Written.record(saved, created);
  }
}
