package app.lumbra.session.domain;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Which sessions a search finds: of a patient, of one of {@code carePlanIds} (empty: any plan), in
 * one of {@code statuses} (empty: any), whose date (performed, else scheduled) lies in the
 * half-open range {@code [from, before)}; null criteria do not restrict. Ordered by {@code order},
 * by that date oldest first by default.
 */
public record SessionCriteria(
    String patientId,
    Set<String> carePlanIds,
    Set<SessionStatus> statuses,
    OffsetDateTime from,
    OffsetDateTime before,
    Order order) {

  /** How a page of sessions is ordered; ties are broken by id so pages never overlap. */
  public enum Order {
    DATE,
    DATE_DESCENDING,
    STATUS,
    STATUS_DESCENDING,
    LAST_UPDATED,
    LAST_UPDATED_DESCENDING
  }

  public SessionCriteria {
    carePlanIds = carePlanIds == null ? Set.of() : Set.copyOf(carePlanIds);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    order = order == null ? Order.DATE : order;
  }

  /** In any status, in the given order. */
  public SessionCriteria(
      String patientId,
      Set<String> carePlanIds,
      OffsetDateTime from,
      OffsetDateTime before,
      Order order) {
    this(patientId, carePlanIds, Set.of(), from, before, order);
  }

  /** Ordered by date, oldest first unless {@code newestFirst}. */
  public SessionCriteria(
      String patientId,
      Set<String> carePlanIds,
      OffsetDateTime from,
      OffsetDateTime before,
      boolean newestFirst) {
    this(patientId, carePlanIds, from, before, newestFirst ? Order.DATE_DESCENDING : Order.DATE);
  }
}
