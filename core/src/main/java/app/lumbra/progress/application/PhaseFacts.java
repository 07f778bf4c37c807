package app.lumbra.progress.application;

import app.lumbra.adherence.domain.PlannedPhase;
import java.time.Duration;
import java.time.LocalDate;

/**
 * A phase of a care plan (PLAN-2) for analysis.
 *
 * @param code {@code INITIAL}, {@code TAPER} or {@code MAINTENANCE}
 * @param end last day of the phase, or null while open-ended
 * @param plannedInterval planned time between two sessions of the phase (ADH-2)
 */
public record PhaseFacts(String code, LocalDate start, LocalDate end, Duration plannedInterval) {

  /** A phase of {@code sessionsPerWeek} evenly spread sessions (e.g. 2 → every 3.5 days). */
  public static PhaseFacts perWeek(
      String code, LocalDate start, LocalDate end, double sessionsPerWeek) {
    return new PhaseFacts(code, start, end, PlannedPhase.intervalForWeekly(sessionsPerWeek));
  }

  /** A phase of one session every {@code weeks} weeks (maintenance, PLAN-4). */
  public static PhaseFacts everyWeeks(String code, LocalDate start, LocalDate end, int weeks) {
    return new PhaseFacts(code, start, end, Duration.ofDays(7L * weeks));
  }

  PlannedPhase toDomain() {
    return new PlannedPhase(code, start, end, plannedInterval);
  }
}
