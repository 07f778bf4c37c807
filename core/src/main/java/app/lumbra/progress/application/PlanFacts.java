package app.lumbra.progress.application;

import java.util.Optional;

/**
 * Port: what progress analysis needs to know about a care plan, answered by the care plan module
 * (implemented where both modules are wired, so that neither depends on the other's classes).
 */
public interface PlanFacts {

  /** The facts of the plan, or empty when there is no such plan. */
  Optional<PlanFactsView> forPlan(String carePlanId);
}
