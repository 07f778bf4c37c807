package app.lumbra.session.application;

import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.SymptomReading;
import jakarta.validation.constraints.NotNull;

/**
 * A symptom reading taken at a session (OBS-2), before ({@code PRE_SESSION}) or after ({@code
 * POST_SESSION}) it.
 */
public record SessionReading(@NotNull ReadingContext context, @NotNull SymptomReading reading) {}
