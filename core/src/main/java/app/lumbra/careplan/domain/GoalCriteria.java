package app.lumbra.careplan.domain;

import java.util.Set;

/** Which plan goals a search finds: of a patient (null: anyone's), in one of {@code statuses}. */
public record GoalCriteria(String patientId, Set<GoalStatus> statuses, Order order) {

  /** How a page of goals is ordered; ties are broken by goal id so pages never overlap. */
  public enum Order {
    START_DATE,
    START_DATE_DESCENDING,
    STATUS,
    STATUS_DESCENDING,
    TARGET_DATE,
    TARGET_DATE_DESCENDING
  }

  public GoalCriteria {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    order = order == null ? Order.START_DATE : order;
  }

  /** Ordered by start date. */
  public GoalCriteria(String patientId, Set<GoalStatus> statuses) {
    this(patientId, statuses, Order.START_DATE);
  }
}
