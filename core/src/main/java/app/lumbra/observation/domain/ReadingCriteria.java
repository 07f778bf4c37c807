package app.lumbra.observation.domain;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Which readings an exchange search finds (FHIR search): of a patient, of one of the care plans,
 * sessions and codes given (empty sets: any), effective in {@code [effectiveFrom, effectiveBefore)}
 * and recorded in {@code [recordedFrom, recordedBefore)}; null criteria do not restrict. Unlike
 * {@link ObservationCriteria} no patient or plan is required.
 */
public record ReadingCriteria(
    String patientId,
    Set<String> carePlanIds,
    Set<String> sessionIds,
    Set<ObservationCode> codes,
    OffsetDateTime effectiveFrom,
    OffsetDateTime effectiveBefore,
    OffsetDateTime recordedFrom,
    OffsetDateTime recordedBefore,
    ReadingOrder order) {

  /** How a page of readings is ordered; ties are broken by id so pages never overlap. */
  public enum ReadingOrder {
    EFFECTIVE,
    EFFECTIVE_DESCENDING,
    RECORDED,
    RECORDED_DESCENDING
  }

  public ReadingCriteria {
    carePlanIds = carePlanIds == null ? Set.of() : Set.copyOf(carePlanIds);
    sessionIds = sessionIds == null ? Set.of() : Set.copyOf(sessionIds);
    codes = codes == null ? Set.of() : Set.copyOf(codes);
    order = order == null ? ReadingOrder.EFFECTIVE : order;
  }
}
