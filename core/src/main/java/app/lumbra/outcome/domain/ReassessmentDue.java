package app.lumbra.outcome.domain;

import java.time.LocalDate;

/**
 * OUT-2: one point at which a reassessment (pain, function, red-flag screen) is due.
 *
 * @param reason why it is due then, in words ("at the 3rd session")
 * @param completedOn the day a reassessment satisfied it, null while not done
 */
public record ReassessmentDue(
    LocalDate dueOn, String reason, ReassessmentStatus status, LocalDate completedOn) {

  public boolean isOpen() {
    return status == ReassessmentStatus.DUE || status == ReassessmentStatus.OVERDUE;
  }
}
