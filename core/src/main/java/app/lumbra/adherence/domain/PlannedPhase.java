package app.lumbra.adherence.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A phase of the care plan as far as analysis needs it (PLAN-2): its code ({@code INITIAL}, {@code
 * TAPER}, {@code MAINTENANCE}), when it runs and the planned time between sessions.
 *
 * @param end last day of the phase, or null while open-ended
 */
public record PlannedPhase(String code, LocalDate start, LocalDate end, Duration plannedInterval) {
  public static final String INITIAL = "INITIAL";
  public static final String TAPER = "TAPER";
  public static final String MAINTENANCE = "MAINTENANCE";

  public PlannedPhase {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(plannedInterval, "plannedInterval");
    if (plannedInterval.isZero() || plannedInterval.isNegative()) {
      throw new IllegalArgumentException("planned interval must be positive: " + plannedInterval);
    }
  }

  /** The interval of {@code sessionsPerWeek} evenly spread sessions. */
  public static Duration intervalForWeekly(double sessionsPerWeek) {
    return Duration.ofMinutes(Math.round(7 * 24 * 60 / sessionsPerWeek));
  }

  public Optional<LocalDate> endDay() {
    return Optional.ofNullable(end);
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(start) && (end == null || !day.isAfter(end));
  }

  public boolean isInitial() {
    return INITIAL.equals(code);
  }
}
