package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.PlanStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Replaces a whole plan as an exchange partner sends it (like a FHIR update): its content and its
 * status. {@code expectedVersion} is the version the sender read; a stale one is refused.
 */
public record ReplaceCarePlan(
    @NotBlank String carePlanId,
    @PositiveOrZero long expectedVersion,
    @NotNull @Valid PlanContentData content,
    @NotNull PlanStatus status,
    @NotBlank @Size(max = 200) String author) {}
