package app.lumbra.progress.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * PROG-7 Fading: after sessions stop or gaps grow, a rise of pain by a clinically important amount
 * suggests resuming.
 */
public final class FadingPolicy {

  public static final String RULE = "PROG-7";

  private FadingPolicy() {}

  /**
   * Compares the pain level of the week up to the last attended session with the level since then
   * (at most the last 7 days). Without readings in that week, the last session's pre score stands
   * for it.
   *
   * @param gapOpen the time since the last attended session is an ADH-2 gap
   */
  public static Optional<ProgressAlert> alert(
      ProgressSnapshot snapshot, boolean gapOpen, ProgressThresholds thresholds, Clock clock) {
    if (!snapshot.sessionsStopped() && !gapOpen) {
      return Optional.empty();
    }
    List<SessionFact> attended = snapshot.attendedSessions();
    if (attended.isEmpty()) {
      return Optional.empty();
    }
    SessionFact last = attended.get(attended.size() - 1);
    LocalDate lastDay = last.attendedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
    LocalDate today = LocalDate.now(clock);
    OptionalDouble atLastSession =
        PainLevel.mean(
            snapshot.painReadings(),
            lastDay.minusDays(PainLevel.WINDOW_DAYS - 1L),
            lastDay,
            clock.getZone());
    if (atLastSession.isEmpty() && last.prePain() != null) {
      atLastSession = OptionalDouble.of(last.prePain().value());
    }
    LocalDate sinceStart = lastDay.plusDays(1);
    LocalDate weekStart = today.minusDays(PainLevel.WINDOW_DAYS - 1L);
    OptionalDouble since =
        PainLevel.mean(
            snapshot.painReadings(),
            sinceStart.isAfter(weekStart) ? sinceStart : weekStart,
            today,
            clock.getZone());
    if (atLastSession.isEmpty()
        || since.isEmpty()
        || !ClinicallyImportantChange.isRise(
            atLastSession.getAsDouble(), since.getAsDouble(), thresholds)) {
      return Optional.empty();
    }
    return Optional.of(
        new ProgressAlert(
            RULE,
            NextStep.RESUME_SESSIONS,
            String.format(
                "Pain has risen from %.1f to %.1f since the last session on %s:"
                    + " consider resuming sessions",
                atLastSession.getAsDouble(), since.getAsDouble(), lastDay)));
  }
}
