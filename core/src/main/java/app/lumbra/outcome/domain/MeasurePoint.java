package app.lumbra.outcome.domain;

import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.observation.domain.SymptomReading;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of a tracked measure as a number where lower is better: scores as they are, spasms as
 * 0 none / 1 occasional / 2 frequent, leg pain as 0 absent / 1 present.
 *
 * @param patientReported the patient reported it (OUT-5), so the chart can say so
 */
public record MeasurePoint(
    String observationId,
    TrackedMeasure measure,
    OffsetDateTime at,
    int value,
    boolean patientReported) {

  public MeasurePoint {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(at, "at");
  }

  /** The point of a reading, or empty when its measure is not tracked. */
  public static Optional<MeasurePoint> of(
      String observationId,
      ObservationCode code,
      SymptomReading reading,
      OffsetDateTime at,
      boolean patientReported) {
    return TrackedMeasure.of(code)
        .map(
            measure ->
                new MeasurePoint(observationId, measure, at, valueOf(reading), patientReported));
  }

  static int valueOf(SymptomReading reading) {
    if (reading instanceof SpasmFrequency spasm) {
      return spasm.ordinal();
    }
    if (reading instanceof LegPain leg) {
      return leg.isPresent() ? 1 : 0;
    }
    Integer score = reading.stored().score();
    if (score == null) {
      throw new IllegalArgumentException("not a tracked reading: " + reading);
    }
    return score;
  }
}
