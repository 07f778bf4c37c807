package app.lumbra.session.application;

import app.lumbra.shared.vocabulary.TargetRegion;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * What a clinician records of a visit (OBS-3): attended with {@code performed}, or missed with a
 * {@code missedReason} (null: "Did not come") at {@code at} over {@code targetRegions}. {@code
 * zone} is the clinic's, which decides the day a planned session belongs to.
 */
public record RecordSessionOfDay(
    @NotBlank String carePlanId,
    @NotBlank String patientId,
    OffsetDateTime at,
    @NotNull ZoneId zone,
    boolean attended,
    PerformedSessionData performed,
    Set<TargetRegion> targetRegions,
    String missedReason) {}
