package app.lumbra.careplan.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which plan goals a search finds: of a patient (null: anyone's), in one of {@code statuses}
 * (empty: any), due in the half-open range {@code [dueFrom, dueBefore)}, whose description has a
 * word starting with {@code descriptionText} (case-insensitive); null criteria do not restrict.
 */
public record GoalCriteria(
    String patientId,
    Set<GoalStatus> statuses,
    LocalDate dueFrom,
    LocalDate dueBefore,
    String descriptionText,
    Order order) {

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

  /** Of a patient and statuses only, in the given order. */
  public GoalCriteria(String patientId, Set<GoalStatus> statuses, Order order) {
    this(patientId, statuses, null, null, null, order);
  }

  /** Ordered by start date. */
  public GoalCriteria(String patientId, Set<GoalStatus> statuses) {
    this(patientId, statuses, Order.START_DATE);
  }
}
