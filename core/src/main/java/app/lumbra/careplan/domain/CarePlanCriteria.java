package app.lumbra.careplan.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which plans a search finds: of a patient, in one of {@code statuses} (empty: any), whose period
 * (from the first phase's start to the last phase's end, open while a phase is open-ended) overlaps
 * the half-open date range {@code [coversFrom, coversBefore)}, starts on or after {@code
 * startsFrom} and ends before {@code endsBefore}; null criteria do not restrict. Ordered by {@code
 * order}, newest created first by default.
 */
public record CarePlanCriteria(
    String patientId,
    Set<PlanStatus> statuses,
    LocalDate coversFrom,
    LocalDate coversBefore,
    LocalDate startsFrom,
    LocalDate endsBefore,
    Order order) {

  /** How a page of plans is ordered; ties are broken by id so pages never overlap. */
  public enum Order {
    CREATED,
    CREATED_DESCENDING,
    STATUS,
    STATUS_DESCENDING,
    LAST_UPDATED,
    LAST_UPDATED_DESCENDING
  }

  public CarePlanCriteria {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    order = order == null ? Order.CREATED_DESCENDING : order;
  }

  /** Of a patient, statuses and overlapped dates only, in the given order. */
  public CarePlanCriteria(
      String patientId,
      Set<PlanStatus> statuses,
      LocalDate coversFrom,
      LocalDate coversBefore,
      Order order) {
    this(patientId, statuses, coversFrom, coversBefore, null, null, order);
  }

  /** Ordered by creation, newest first unless {@code oldestFirst}. */
  public CarePlanCriteria(
      String patientId,
      Set<PlanStatus> statuses,
      LocalDate coversFrom,
      LocalDate coversBefore,
      boolean oldestFirst) {
    this(
        patientId,
        statuses,
        coversFrom,
        coversBefore,
        oldestFirst ? Order.CREATED : Order.CREATED_DESCENDING);
  }
}
