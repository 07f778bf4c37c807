package app.lumbra.adherence.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * ADH-2 Gaps: an interval between attended sessions longer than {@code gapFactor} × the planned
 * interval is flagged as "losing ground between sessions".
 */
public final class GapPolicy {

  public static final String RULE = "ADH-2";
  public static final String MESSAGE = "losing ground between sessions";

  private GapPolicy() {}

  /**
   * The flagged gaps, oldest first. Each gap is measured against the phase in effect when it ends,
   * so the step down from initial to taper frequency is not mistaken for a gap. While sessions
   * continue, the time since the last attended session is an open gap once it is too long.
   */
  public static List<SessionGap> flaggedGaps(
      AdherenceSnapshot snapshot, AdherenceThresholds thresholds, Clock clock) {
    List<OffsetDateTime> attended =
        snapshot.sessions().stream()
            .filter(ScheduledSession::attended)
            .map(ScheduledSession::attendedAt)
            .sorted(Comparator.comparing(OffsetDateTime::toInstant))
            .toList();
    List<SessionGap> gaps = new ArrayList<>();
    for (int i = 1; i < attended.size(); i++) {
      tooLong(snapshot, thresholds, clock, attended.get(i - 1), attended.get(i))
          .ifPresent(gaps::add);
    }
    if (!snapshot.sessionsStopped() && !attended.isEmpty()) {
      OffsetDateTime now = OffsetDateTime.now(clock);
      tooLong(snapshot, thresholds, clock, attended.get(attended.size() - 1), now)
          .map(gap -> new SessionGap(gap.from(), null, gap.length(), gap.plannedInterval()))
          .ifPresent(gaps::add);
    }
    return gaps;
  }

  private static Optional<SessionGap> tooLong(
      AdherenceSnapshot snapshot,
      AdherenceThresholds thresholds,
      Clock clock,
      OffsetDateTime from,
      OffsetDateTime to) {
    Optional<PlannedPhase> phase =
        snapshot.phaseOn(to.atZoneSameInstant(clock.getZone()).toLocalDate());
    if (phase.isEmpty()) {
      return Optional.empty();
    }
    Duration planned = phase.get().plannedInterval();
    Duration length = Duration.between(from, to);
    double limitMinutes = thresholds.gapFactor() * planned.toMinutes();
    return length.toMinutes() > limitMinutes
        ? Optional.of(new SessionGap(from, to, length, planned))
        : Optional.empty();
  }

  /** The flag for one gap, in the words of the rule. */
  public static AdherenceFlag flag(SessionGap gap) {
    String period =
        gap.ongoing()
            ? "since the session of " + gap.from().toLocalDate()
            : "between " + gap.from().toLocalDate() + " and " + gap.to().toLocalDate();
    return new AdherenceFlag(
        RULE,
        String.format(
            "%s: %d days %s, %.1f × the planned interval",
            MESSAGE, gap.length().toDays(), period, gap.intervals()),
        "keep sessions at the planned interval");
  }
}
