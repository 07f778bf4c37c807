package app.lumbra.session.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Records that a planned session took place. {@code expectedVersion} is the version the caller read
 * (If-Match); null skips the check.
 */
public record RecordAttendedSession(
    @NotBlank String sessionId,
    Long expectedVersion,
    @NotNull @Valid PerformedSessionData performed) {}
