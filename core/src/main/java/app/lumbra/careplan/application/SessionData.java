package app.lumbra.careplan.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** A planned session: start, minutes (PLAN-5) and the position of its phase in the plan. */
public record SessionData(
    @NotNull OffsetDateTime startsAt, @Min(30) @Max(60) int minutes, @Min(0) int phaseIndex) {}
