package app.lumbra.homecare.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Whether the patient did a home-care task of the plan on a day (PLAN-9, ADH-3). */
public record LogHomeCare(
    @NotBlank @Size(max = 64) String carePlanId,
    @NotBlank @Size(max = 64) String patientId,
    @NotBlank @Size(max = 64) String taskId,
    @NotNull @PastOrPresent LocalDate day,
    boolean done) {}
