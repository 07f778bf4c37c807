package app.lumbra.condition.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

/** Marks a condition as resolved on a date, based on the version the editor read. */
public record ResolveCondition(
    @NotBlank String conditionId,
    @PositiveOrZero long expectedVersion,
    @NotNull @PastOrPresent LocalDate resolvedOn) {}
