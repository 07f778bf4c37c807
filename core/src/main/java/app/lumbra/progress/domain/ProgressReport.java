package app.lumbra.progress.domain;

import app.lumbra.adherence.domain.AdherenceReport;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The progress of one care plan as of a moment.
 *
 * @param comparison PROG-2 baseline against current, null while not available
 * @param painSlopePerWeek PROG-4 slope over the last 3 weeks, null while not available
 */
public record ProgressReport(
    String carePlanId,
    OffsetDateTime asOf,
    Classification classification,
    List<SessionEffect> sessionEffects,
    TrendSeries trend,
    PainComparison comparison,
    EarlyResponse earlyResponse,
    Double painSlopePerWeek,
    AdherenceReport adherence,
    List<ProgressAlert> alerts) {

  public ProgressReport {
    sessionEffects = List.copyOf(sessionEffects);
    alerts = List.copyOf(alerts);
  }

  public Optional<PainComparison> baselineComparison() {
    return Optional.ofNullable(comparison);
  }

  public OptionalDouble slope() {
    return painSlopePerWeek == null ? OptionalDouble.empty() : OptionalDouble.of(painSlopePerWeek);
  }

  /** The alerts raised by one rule, e.g. {@code "PROG-6"}. */
  public List<ProgressAlert> alertsOf(String ruleId) {
    return alerts.stream().filter(alert -> alert.ruleId().equals(ruleId)).toList();
  }
}
