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
 * session's care plan when none is given.
 */
public record RecordReading(
    @NotBlank @Size(max = 64) String patientId,
    @Size(max = 64) String carePlanId,
    @Size(max = 36) String sessionId,
    @NotNull ReadingContext context,
    @NotNull ReadingSource source,
    @NotNull OffsetDateTime effectiveAt,
    @NotNull SymptomReading reading) {}
