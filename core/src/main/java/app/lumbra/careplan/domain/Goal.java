package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A goal of the plan, such as "pain at most 3 by 15 April": a description, an optional target pain
 * score (NRS 0–10, at most), start and due dates, and a lifecycle status.
 */
@Embeddable
public class Goal {

  public static final int MAX_DESCRIPTION = 500;

  @Column(name = "goal_id", nullable = false, length = 64)
  private String goalId;

  @Column(name = "description", nullable = false, length = MAX_DESCRIPTION)
  private String description;

  @Column(name = "target_pain_at_most")
  private Integer targetPainAtMost;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private GoalStatus status;

  protected Goal() {}

  /** A goal; a null {@code goalId} makes a new one. */
  public static Goal of(
      String goalId,
      String description,
      Integer targetPainAtMost,
      LocalDate startDate,
      LocalDate dueDate,
      GoalStatus status) {
    Goal goal = new Goal();
    goal.goalId = goalId == null ? UUID.randomUUID().toString() : goalId;
    if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
      throw new InvalidValueException(
          "goal.description", description, "1 to " + MAX_DESCRIPTION + " characters");
    }
    goal.description = description.strip();
    if (targetPainAtMost != null && (targetPainAtMost < 0 || targetPainAtMost > 10)) {
      throw new InvalidValueException(
          "goal.targetPainAtMost", targetPainAtMost, "an integer from 0 to 10");
    }
    goal.targetPainAtMost = targetPainAtMost;
    goal.startDate = InvalidValueException.required("goal.startDate", startDate, "a date");
    if (dueDate != null && dueDate.isBefore(startDate)) {
      throw new InvalidValueException("goal.dueDate", dueDate, "a date from " + startDate + " on");
    }
    goal.dueDate = dueDate;
    goal.status = InvalidValueException.required("goal.status", status, "a goal status");
    return goal;
  }

  public String goalId() {
    return goalId;
  }

  public String description() {
    return description;
  }

  public Optional<Integer> targetPainAtMost() {
    return Optional.ofNullable(targetPainAtMost);
  }

  public LocalDate startDate() {
    return startDate;
  }

  public Optional<LocalDate> dueDate() {
    return Optional.ofNullable(dueDate);
  }

  public GoalStatus status() {
    return status;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Goal that
        && goalId.equals(that.goalId)
        && description.equals(that.description)
        && Objects.equals(targetPainAtMost, that.targetPainAtMost)
        && startDate.equals(that.startDate)
        && Objects.equals(dueDate, that.dueDate)
        && status == that.status;
  }

  @Override
  public int hashCode() {
    return Objects.hash(goalId, description, targetPainAtMost, startDate, dueDate, status);
  }
}
