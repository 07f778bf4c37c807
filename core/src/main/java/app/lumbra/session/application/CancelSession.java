package app.lumbra.session.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The session will not take place; {@code expectedVersion} null skips the version check. */
public record CancelSession(
    @NotBlank String sessionId, Long expectedVersion, @NotBlank @Size(max = 500) String reason) {}
