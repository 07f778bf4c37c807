package app.lumbra.outcome.application;

import app.lumbra.outcome.domain.DischargeReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * OUT-3: discharges the patient from a plan, based on the version the clinician read; {@code note}
 * is required when the reason is {@code OTHER}.
 */
public record DischargePlan(
    @NotBlank String carePlanId,
    @PositiveOrZero long expectedVersion,
    DischargeReason reason,
    @Size(max = 2000) String note,
    @NotBlank @Size(max = 200) String author) {}
