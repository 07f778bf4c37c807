package app.lumbra.observation.domain;

import app.lumbra.shared.InvalidValueException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Which readings to list: a patient or a care plan (at least one), optionally one measure, one
 * context and an effective-time range {@code [from, to)}.
 */
public record ObservationCriteria(
    String patientId,
    String carePlanId,
    ObservationCode code,
    ReadingContext context,
    OffsetDateTime from,
    OffsetDateTime to) {

  public ObservationCriteria {
    if (patientId == null && carePlanId == null) {
      throw new InvalidValueException("patientId", null, "a patient id or a care plan id");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidValueException("to", to, "a date-time after 'from' (" + from + ")");
    }
  }

  public static ObservationCriteria forPatient(String patientId) {
    return new ObservationCriteria(patientId, null, null, null, null, null);
  }

  public static ObservationCriteria forPlan(String carePlanId) {
    return new ObservationCriteria(null, carePlanId, null, null, null, null);
  }

  public ObservationCriteria withCode(ObservationCode newCode) {
    return new ObservationCriteria(patientId, carePlanId, newCode, context, from, to);
  }

  public ObservationCriteria between(OffsetDateTime newFrom, OffsetDateTime newTo) {
    return new ObservationCriteria(patientId, carePlanId, code, context, newFrom, newTo);
  }

  public Optional<String> patient() {
    return Optional.ofNullable(patientId);
  }

  public Optional<String> plan() {
    return Optional.ofNullable(carePlanId);
  }
}
