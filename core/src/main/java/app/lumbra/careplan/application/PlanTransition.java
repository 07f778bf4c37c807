package app.lumbra.careplan.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Moves a plan through its lifecycle (PLAN-14), based on the version the clinician read. */
public record PlanTransition(
    @NotBlank String carePlanId,
    @PositiveOrZero long expectedVersion,
    @NotBlank @Size(max = 200) String author) {}
