package app.lumbra.observation.application;

import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.observation.domain.SymptomReading;
import java.time.OffsetDateTime;

/**
 * A recorded reading. {@code reading} is one of the value records of OBS-1/OBS-2 (match on its type
 * or on {@code code}); {@code carePlanId} and {@code sessionId} may be null.
 */
public record ObservationView(
    String id,
    String patientId,
    String carePlanId,
    String sessionId,
    ObservationCode code,
    SymptomReading reading,
    ReadingContext context,
    ReadingSource source,
    OffsetDateTime effectiveAt,
    OffsetDateTime recordedAt,
    long version,
    boolean partnerDocument) {

  static ObservationView of(SymptomObservation o) {
    return new ObservationView(
        o.id(),
        o.patientId(),
        o.carePlanId().orElse(null),
        o.sessionId().orElse(null),
        o.code(),
        o.reading(),
        o.context(),
        o.source(),
        o.effectiveAt(),
        o.recordedAt(),
        o.version(),
        o.hasPartnerDocument());
  }
}
