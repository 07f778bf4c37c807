package app.lumbra.careplan.application;

import app.lumbra.homecare.domain.HomeCarePlans;
import app.lumbra.progress.application.PlanFactsView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Answers the home-care log's {@link HomeCarePlans} port from the stored plan's facts. */
@ApplicationScoped
public class CarePlanHomeCareTasks implements HomeCarePlans {

  private CarePlanFacts facts;

  /** For the CDI proxy only. */
  protected CarePlanHomeCareTasks() {}

  @Inject
  public CarePlanHomeCareTasks(CarePlanFacts facts) {
    this.facts = facts;
  }

  @Override
  public Optional<PlanTasks> forPlan(String carePlanId) {
    return facts.forPlan(carePlanId).map(CarePlanHomeCareTasks::tasks);
  }

  private static PlanTasks tasks(PlanFactsView plan) {
    return new PlanTasks(plan.carePlanId(), plan.patientId(), plan.homeCareTaskIds());
  }
}
