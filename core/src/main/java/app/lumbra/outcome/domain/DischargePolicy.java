package app.lumbra.outcome.domain;

import app.lumbra.progress.domain.NextStep;
import app.lumbra.progress.domain.NonResponsePolicy;
import app.lumbra.progress.domain.PainComparison;
import app.lumbra.progress.domain.ProgressReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OUT-3 Discharge: suggested when a goal is met, when the patient has recovered (pain NRS ≤ 1 and
 * RMDQ ≤ 2, after Kamper 2010, defaults), when non-response persists past the review (PROG-5's
 * "consider stopping"), or when the maintenance review (OUT-4) suggests stopping. Only open plans
 * are suggested for discharge.
 */
public final class DischargePolicy {

  public static final String RULE = "OUT-3";

  private DischargePolicy() {}

  /**
   * @param goalPainTargets the "pain at most" targets of the plan's goals that are still pursued
   */
  public static List<DischargeSuggestion> suggestions(
      boolean open,
      ProgressReport progress,
      List<MeasureTrend> trends,
      List<Integer> goalPainTargets,
      Optional<MaintenanceReview> maintenance,
      OutcomeThresholds thresholds) {
    List<DischargeSuggestion> found = new ArrayList<>();
    if (!open) {
      return found;
    }
    Optional<PainComparison> pain = progress.baselineComparison();
    if (pain.isPresent()) {
      double current = pain.get().current();
      goalPainTargets.stream()
          .filter(target -> current <= target + 1e-9)
          .min(Integer::compare)
          .ifPresent(
              target ->
                  found.add(
                      new DischargeSuggestion(
                          DischargeReason.GOAL_MET,
                          "Pain over the last 7 days is "
                              + number(current)
                              + ", within the goal of at most "
                              + target)));
    }
    recovered(pain, trends, thresholds).ifPresent(found::add);
    boolean stopSuggested =
        progress.alertsOf(NonResponsePolicy.RULE).stream()
            .anyMatch(alert -> alert.suggestedNextStep() == NextStep.STOP_OR_REFER);
    if (stopSuggested) {
      found.add(
          new DischargeSuggestion(
              DischargeReason.NON_RESPONSE,
              "Still no clinically important improvement "
                  + NonResponsePolicy.WEEKS_AFTER_REVIEW
                  + " weeks after the review point: stop, or refer the patient on"));
    }
    maintenance
        .filter(review -> review.suggestion() == IntervalSuggestion.STOP)
        .ifPresent(
            review ->
                found.add(
                    new DischargeSuggestion(
                        DischargeReason.MAINTENANCE_REVIEW, stripDot(review.explanation()))));
    return found;
  }

  /** Pain over the last 7 days at most 1 and the latest RMDQ at most 2 (Kamper 2010). */
  static Optional<DischargeSuggestion> recovered(
      Optional<PainComparison> pain, List<MeasureTrend> trends, OutcomeThresholds thresholds) {
    if (pain.isEmpty() || pain.get().current() > thresholds.recoveredPainAtMost() + 1e-9) {
      return Optional.empty();
    }
    Integer rmdq =
        trends.stream()
            .filter(trend -> trend.measure() == TrackedMeasure.ROLAND_MORRIS)
            .findFirst()
            .map(MeasureTrend::latestValue)
            .orElse(null);
    if (rmdq == null || rmdq > thresholds.recoveredRolandMorrisAtMost()) {
      return Optional.empty();
    }
    return Optional.of(
        new DischargeSuggestion(
            DischargeReason.RECOVERED,
            "Pain over the last 7 days is "
                + number(pain.get().current())
                + " (at most "
                + thresholds.recoveredPainAtMost()
                + ") and the latest Roland–Morris score is "
                + rmdq
                + " (at most "
                + thresholds.recoveredRolandMorrisAtMost()
                + ")"));
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String stripDot(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
