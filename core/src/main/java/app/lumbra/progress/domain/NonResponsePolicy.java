package app.lumbra.progress.domain;

import app.lumbra.adherence.domain.PlannedPhase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** PROG-5 Non-response: no clinically important improvement after 6 weeks of the initial phase. */
public final class NonResponsePolicy {

  public static final String RULE = "PROG-5";
  public static final int WEEKS = 6;

  private NonResponsePolicy() {}

  /**
   * True once the initial phase (or, without one, the plan) has run 6 full weeks and the current
   * pain level is not a clinically important improvement on the baseline; missing readings show no
   * improvement either. An initial phase that ended earlier never ran 6 weeks, so it does not
   * count.
   */
  public static boolean isNonResponder(
      ProgressSnapshot snapshot, Optional<PainComparison> comparison, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    Optional<PlannedPhase> initial = snapshot.initialPhase();
    LocalDate start = initial.map(PlannedPhase::start).orElse(snapshot.planStart());
    LocalDate sixWeeksDone = start.plusWeeks(WEEKS);
    boolean ranSixWeeks =
        !today.isBefore(sixWeeksDone)
            && initial
                .flatMap(PlannedPhase::endDay)
                .map(end -> !end.isBefore(sixWeeksDone.minusDays(1)))
                .orElse(true);
    return ranSixWeeks && !comparison.map(PainComparison::importantImprovement).orElse(false);
  }

  public static Optional<ProgressAlert> alert(boolean nonResponder) {
    return nonResponder
        ? Optional.of(
            new ProgressAlert(
                RULE,
                NextStep.REVIEW_PLAN,
                "No clinically important improvement after "
                    + WEEKS
                    + " weeks of the initial phase: review the plan"))
        : Optional.empty();
  }
}
