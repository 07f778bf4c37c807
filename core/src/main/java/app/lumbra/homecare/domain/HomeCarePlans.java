package app.lumbra.homecare.domain;

import java.util.List;
import java.util.Optional;

/**
 * Port to the care plans whose home-care tasks are logged (PLAN-9). The care plan module implements
 * it, so that the log need not know care plans.
 */
public interface HomeCarePlans {

  /** The patient of a care plan and the ids of its home-care tasks. */
  record PlanTasks(String carePlanId, String patientId, List<String> taskIds) {

    public PlanTasks {
      taskIds = List.copyOf(taskIds);
    }
  }

  /** The tasks of the care plan with this id, if there is one. */
  Optional<PlanTasks> forPlan(String carePlanId);
}
