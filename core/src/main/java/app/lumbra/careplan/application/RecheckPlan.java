package app.lumbra.careplan.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * PLAN-13: check an edited plan of {@code patientId} as it would be saved.
 *
 * @param carePlanId the stored plan being edited, null for a new plan
 * @param reschedule whether the sessions from now on are scheduled again from the edited phases
 *     (the portal asks for it when the phases, days or time changed, and for every new plan)
 */
public record RecheckPlan(
    @NotBlank String patientId,
    String carePlanId,
    @NotNull @Valid PlanContentData content,
    boolean reschedule) {}
