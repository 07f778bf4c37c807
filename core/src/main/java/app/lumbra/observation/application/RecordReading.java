package app.lumbra.observation.application;

import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SymptomReading;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * Records one reading (OBS-1, OBS-2). Boundaries build {@code reading} with the value objects'
 * {@code of}/{@code parse}/{@code fromCode} methods, which reject bad values naming the field
 * (OBS-4). {@code carePlanId} and {@code sessionId} are optional; a session reading takes the
 * session's care plan when none is given. {@code id} is the id the sender chose (FHIR-8), null for
 * a fresh time-ordered one.
 */
public record RecordReading(
    @Size(max = 64) String id,
    @NotBlank @Size(max = 64) String patientId,
    @Size(max = 64) String carePlanId,
    @Size(max = 64) String sessionId,
    @NotNull ReadingContext context,
    @NotNull ReadingSource source,
    @NotNull OffsetDateTime effectiveAt,
    @NotNull SymptomReading reading) {

  /** A reading with a fresh id. */
  public RecordReading(
      String patientId,
      String carePlanId,
      String sessionId,
      ReadingContext context,
      ReadingSource source,
      OffsetDateTime effectiveAt,
      SymptomReading reading) {
    this(null, patientId, carePlanId, sessionId, context, source, effectiveAt, reading);
  }
}
