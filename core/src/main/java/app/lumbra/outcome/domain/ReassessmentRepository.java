package app.lumbra.outcome.domain;

import java.util.List;

/** Port to the completed reassessments (OUT-2). */
public interface ReassessmentRepository {

  void add(Reassessment reassessment);

  /** The plan's reassessments, oldest first. */
  List<Reassessment> forPlan(String carePlanId);
}
