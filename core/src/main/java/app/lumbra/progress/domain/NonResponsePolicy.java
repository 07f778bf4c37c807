package app.lumbra.progress.domain;

import app.lumbra.adherence.domain.PlannedPhase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * PROG-5 Non-response: no clinically important improvement by the end of the initial phase or after
 * 6 attended sessions, whichever comes first (and at least 2 weeks of care), asks to review the
 * plan; still none 2 weeks after that review point suggests stopping or referring (OUT-3). It
 * applies to every plan, whatever the length of its initial phase.
 */
public final class NonResponsePolicy {

  public static final String RULE = "PROG-5";

  /** Attended sessions after which the response is judged at the latest. */
  public static final int SESSIONS = 6;

  /** The least care before a patient is called a non-responder. */
  public static final int MIN_WEEKS_OF_CARE = 2;

  /** How long after the review point non-response persists before stopping is suggested. */
  public static final int WEEKS_AFTER_REVIEW = 2;

  /** An initial phase without an end is judged after the longest initial phase of PLAN-3. */
  static final int OPEN_INITIAL_WEEKS = 6;

  private NonResponsePolicy() {}

  /**
   * The day the response is judged: the day after the initial phase ends, or the day of the 6th
   * attended session, whichever comes first, but not before 2 weeks of care.
   */
  public static LocalDate reviewPoint(ProgressSnapshot snapshot, Clock clock) {
    Optional<PlannedPhase> initial = snapshot.initialPhase();
    LocalDate initialStart = initial.map(PlannedPhase::start).orElse(snapshot.planStart());
    LocalDate afterInitial =
        initial
            .flatMap(PlannedPhase::endDay)
            .map(end -> end.plusDays(1))
            .orElse(initialStart.plusWeeks(OPEN_INITIAL_WEEKS));
    LocalDate point = afterInitial;
    List<SessionFact> attended = snapshot.attendedSessions();
    if (attended.size() >= SESSIONS) {
      LocalDate sixth =
          attended.get(SESSIONS - 1).attendedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
      if (sixth.isBefore(point)) {
        point = sixth;
      }
    }
    LocalDate earliest = snapshot.planStart().plusWeeks(MIN_WEEKS_OF_CARE);
    return point.isBefore(earliest) ? earliest : point;
  }

  /**
   * True from the review point on while the current pain level is not a clinically important
   * improvement on the baseline; missing readings show no improvement either.
   */
  public static boolean isNonResponder(
      ProgressSnapshot snapshot, Optional<PainComparison> comparison, Clock clock) {
    return !LocalDate.now(clock).isBefore(reviewPoint(snapshot, clock))
        && !comparison.map(PainComparison::importantImprovement).orElse(false);
  }

  /** "Review the plan" at the review point; "consider stopping or referring" 2 weeks later. */
  public static Optional<ProgressAlert> alert(
      ProgressSnapshot snapshot, Optional<PainComparison> comparison, Clock clock) {
    if (!isNonResponder(snapshot, comparison, clock)) {
      return Optional.empty();
    }
    LocalDate review = reviewPoint(snapshot, clock);
    LocalDate stop = review.plusWeeks(WEEKS_AFTER_REVIEW);
    if (!LocalDate.now(clock).isBefore(stop)) {
      return Optional.of(
          new ProgressAlert(
              RULE,
              NextStep.STOP_OR_REFER,
              "Still no clinically important improvement "
                  + WEEKS_AFTER_REVIEW
                  + " weeks after the review point of "
                  + review
                  + ": consider stopping massage or referring the patient on"));
    }
    return Optional.of(
        new ProgressAlert(
            RULE,
            NextStep.REVIEW_PLAN,
            "No clinically important improvement by "
                + review
                + " (end of the initial phase or "
                + SESSIONS
                + " attended sessions, whichever came first): review the plan"));
  }
}
