package app.lumbra.selfreport.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** OUT-5: the clinician issues a personal link for the plan's patient, valid 1–90 days. */
public record IssuePatientLink(
    @NotBlank String carePlanId, int validDays, @NotBlank @Size(max = 200) String author) {}
