package app.lumbra.careplan.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Replaces a plan's content; {@code expectedVersion} is the version the editor read, and a stale
 * one is refused with a version conflict (PLAN-14).
 */
public record EditCarePlan(
    @NotBlank String carePlanId,
    @PositiveOrZero long expectedVersion,
    @NotNull @Valid PlanContentData content,
    @NotBlank @Size(max = 200) String author) {}
