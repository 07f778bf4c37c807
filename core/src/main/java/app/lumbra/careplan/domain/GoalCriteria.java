package app.lumbra.careplan.domain;

import java.util.Set;

/** Which plan goals a search finds: of a patient (null: anyone's), in one of {@code statuses}. */
public record GoalCriteria(String patientId, Set<GoalStatus> statuses) {

  public GoalCriteria {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }
}
