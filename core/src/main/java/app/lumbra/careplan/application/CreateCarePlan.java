package app.lumbra.careplan.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Creates a draft plan from a (possibly edited) recommendation; {@code author} is who did it. */
public record CreateCarePlan(
    @NotBlank String patientId,
    String conditionId,
    @NotNull @Valid PlanContentData content,
    @NotBlank @Size(max = 200) String author) {}
