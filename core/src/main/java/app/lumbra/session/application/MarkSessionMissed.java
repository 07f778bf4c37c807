package app.lumbra.session.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The patient did not come; {@code expectedVersion} null skips the version check. */
public record MarkSessionMissed(
    @NotBlank String sessionId, Long expectedVersion, @NotBlank @Size(max = 500) String reason) {}
