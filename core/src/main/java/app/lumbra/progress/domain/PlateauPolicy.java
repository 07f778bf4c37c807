package app.lumbra.progress.domain;

import app.lumbra.adherence.domain.PlannedPhase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * PROG-4 Plateau: when the slope of pain over the last 3 weeks is flat after a clinically important
 * improvement, suggest moving to TAPER (from the initial phase) or MAINTENANCE (from taper).
 */
public final class PlateauPolicy {

  public static final String RULE = "PROG-4";
  public static final int WINDOW_DAYS = 21;
  // A slope from a few days is noise: the daily levels must reach back at least two weeks into the
  // window and into its last week.
  private static final int MIN_DAYS_WITH_READINGS = 3;
  private static final int MIN_SPAN_DAYS = 14;

  private PlateauPolicy() {}

  /**
   * Least-squares slope of the daily pain level over the last 3 weeks, in points per week; empty
   * while the plan is younger than 3 weeks or the readings are too sparse to fit.
   */
  public static OptionalDouble slopePerWeek(ProgressSnapshot snapshot, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    LocalDate windowStart = today.minusDays(WINDOW_DAYS - 1L);
    if (windowStart.isBefore(snapshot.planStart())) {
      return OptionalDouble.empty();
    }
    List<DailyPain> days =
        PainLevel.dailyMeans(snapshot.painReadings(), clock.getZone()).stream()
            .filter(d -> !d.day().isBefore(windowStart) && !d.day().isAfter(today))
            .toList();
    if (days.size() < MIN_DAYS_WITH_READINGS
        || ChronoUnit.DAYS.between(days.get(0).day(), days.get(days.size() - 1).day())
            < MIN_SPAN_DAYS
        || days.get(days.size() - 1).day().isBefore(today.minusDays(PainLevel.WINDOW_DAYS - 1L))) {
      return OptionalDouble.empty();
    }
    List<LeastSquares.Point> points =
        days.stream()
            .map(
                d ->
                    new LeastSquares.Point(ChronoUnit.DAYS.between(windowStart, d.day()), d.mean()))
            .toList();
    OptionalDouble perDay = LeastSquares.slope(points);
    return perDay.isPresent() ? OptionalDouble.of(perDay.getAsDouble() * 7) : perDay;
  }

  /** Flat after a clinically important improvement. */
  public static boolean isPlateau(
      Optional<PainComparison> comparison,
      OptionalDouble slopePerWeek,
      ProgressThresholds thresholds) {
    return comparison.map(PainComparison::importantImprovement).orElse(false)
        && slopePerWeek.isPresent()
        && Math.abs(slopePerWeek.getAsDouble()) < thresholds.plateauSlopePerWeek();
  }

  /**
   * The suggestion for a plateau: the next phase down. A plateau in maintenance is the aim of
   * maintenance, so it raises nothing.
   */
  public static Optional<ProgressAlert> alert(
      ProgressSnapshot snapshot, boolean plateau, OptionalDouble slopePerWeek) {
    if (!plateau) {
      return Optional.empty();
    }
    String phase = snapshot.currentPhaseCode().orElse(PlannedPhase.INITIAL);
    NextStep next;
    if (PlannedPhase.INITIAL.equals(phase)) {
      next = NextStep.MOVE_TO_TAPER;
    } else if (PlannedPhase.TAPER.equals(phase)) {
      next = NextStep.MOVE_TO_MAINTENANCE;
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new ProgressAlert(
            RULE,
            next,
            String.format(
                "Improvement has levelled off (%.2f points per week over the last 3 weeks):"
                    + " consider %s",
                slopePerWeek.getAsDouble(),
                next == NextStep.MOVE_TO_TAPER
                    ? "reducing the session frequency step by step (taper)"
                    : "moving to occasional maintenance sessions")));
  }
}
