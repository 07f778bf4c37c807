package app.lumbra.observation.application;

import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.ReadingContext;
import java.time.OffsetDateTime;

/**
 * Which readings to list: of a patient and/or a care plan (at least one), optionally of one measure
 * and context, effective in {@code [from, to)}; {@code offset}/{@code limit} page through them
 * oldest first.
 */
public record ObservationQuery(
    String patientId,
    String carePlanId,
    ObservationCode code,
    ReadingContext context,
    OffsetDateTime from,
    OffsetDateTime to,
    int offset,
    int limit) {

  public static ObservationQuery forPatient(String patientId, int offset, int limit) {
    return new ObservationQuery(patientId, null, null, null, null, null, offset, limit);
  }

  public static ObservationQuery forPlan(String carePlanId, int offset, int limit) {
    return new ObservationQuery(null, carePlanId, null, null, null, null, offset, limit);
  }

  public ObservationQuery between(OffsetDateTime newFrom, OffsetDateTime newTo) {
    return new ObservationQuery(
        patientId, carePlanId, code, context, newFrom, newTo, offset, limit);
  }

  public ObservationQuery of(ObservationCode newCode) {
    return new ObservationQuery(patientId, carePlanId, newCode, context, from, to, offset, limit);
  }
}
