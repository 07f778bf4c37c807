package app.lumbra.careplan.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Adds a goal to a plan ({@code goal.goalId} null) or replaces one of its goals, as an edit of the
 * plan (PLAN-13, PLAN-14). {@code expectedVersion} is the plan version the sender read (null skips
 * the check); {@code patientId}, when given, must be the plan's patient. With {@code
 * createWithGivenId} (FHIR-8, update-as-create) a {@code goal.goalId} that no plan has yet adds a
 * new goal with that id instead of being refused as not found.
 */
public record SaveGoal(
    @NotBlank String carePlanId,
    Long expectedVersion,
    String patientId,
    @NotNull @Valid GoalData goal,
    @NotBlank @Size(max = 200) String author,
    boolean createWithGivenId) {

  /** Adds a goal with a fresh id ({@code goal.goalId} null) or replaces an existing one. */
  public SaveGoal(
      String carePlanId, Long expectedVersion, String patientId, GoalData goal, String author) {
    this(carePlanId, expectedVersion, patientId, goal, author, false);
  }
}
