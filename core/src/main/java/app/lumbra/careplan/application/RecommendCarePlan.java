package app.lumbra.careplan.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * PLAN-13: asks for a proposed plan. {@code conditionId} (optional) must be one of the patient's
 * conditions; its structural causes are added to the factors. {@code exerciseProgramme} may be null
 * (PLAN-1 warns). {@code startDate} is today or later.
 */
public record RecommendCarePlan(
    @NotBlank String patientId,
    String conditionId,
    @NotNull @Valid FactorsData factors,
    @Size(max = 2000) String exerciseProgramme,
    @NotNull LocalDate startDate) {}
