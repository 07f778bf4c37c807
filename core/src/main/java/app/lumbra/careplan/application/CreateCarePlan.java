package app.lumbra.careplan.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Creates a draft plan from a (possibly edited) recommendation; {@code author} is who did it.
 * {@code id} is the id the sender chose (FHIR-8), null for a fresh one.
 */
public record CreateCarePlan(
    @Size(max = 64) String id,
    @NotBlank String patientId,
    String conditionId,
    @NotNull @Valid PlanContentData content,
    @NotBlank @Size(max = 200) String author) {

  /** A plan with a fresh id. */
  public CreateCarePlan(
      String patientId, String conditionId, PlanContentData content, String author) {
    this(null, patientId, conditionId, content, author);
  }
}
