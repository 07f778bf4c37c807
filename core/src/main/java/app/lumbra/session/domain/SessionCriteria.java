package app.lumbra.session.domain;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Which sessions a search finds: of a patient, of one of {@code carePlanIds} (empty: any plan),
 * whose date (performed, else scheduled) lies in the half-open range {@code [from, before)}; null
 * criteria do not restrict. Ordered by that date, oldest first unless {@code newestFirst}.
 */
public record SessionCriteria(
    String patientId,
    Set<String> carePlanIds,
    OffsetDateTime from,
    OffsetDateTime before,
    boolean newestFirst) {

  public SessionCriteria {
    carePlanIds = carePlanIds == null ? Set.of() : Set.copyOf(carePlanIds);
  }
}
