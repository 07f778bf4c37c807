package app.lumbra.progress.domain;

import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.LegPain.Side;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * PROG-6 Red flags: new or worsening shooting leg pain, or pain rising by a clinically important
 * amount, raises an alert for clinician review.
 */
public final class RedFlagPolicy {

  public static final String RULE = "PROG-6";

  private RedFlagPolicy() {}

  /**
   * @param sessionsInterrupted sessions stopped or an open gap: a rise within the last week is then
   *     fading (PROG-7), not a red flag; a rise above the start level still is
   */
  public static List<ProgressAlert> alerts(
      ProgressSnapshot snapshot,
      Optional<PainComparison> comparison,
      boolean sessionsInterrupted,
      ProgressThresholds thresholds,
      Clock clock) {
    List<ProgressAlert> alerts = new ArrayList<>();
    legPain(snapshot, clock).ifPresent(alerts::add);
    if (comparison.map(PainComparison::importantRise).orElse(false)) {
      PainComparison c = comparison.get();
      alerts.add(
          new ProgressAlert(
              RULE,
              NextStep.CLINICIAN_REVIEW,
              String.format(
                  "Pain has risen from %.1f in the first week to %.1f in the last 7 days:"
                      + " clinician review",
                  c.baseline(), c.current())));
    } else if (!sessionsInterrupted) {
      weekOnWeekRise(snapshot, thresholds, clock).ifPresent(alerts::add);
    }
    return alerts;
  }

  /**
   * New or worsening shooting leg pain: the latest reading shows leg pain that the first week of
   * the plan did not (new), or on more of the legs than then (worsening). Leg pain already there at
   * the start, or gone again, raises nothing.
   */
  public static Optional<ProgressAlert> legPain(ProgressSnapshot snapshot, Clock clock) {
    List<LegPainReading> readings = snapshot.legPainReadings();
    if (readings.isEmpty()) {
      return Optional.empty();
    }
    ZoneId zone = clock.getZone();
    LocalDate baselineEnd = snapshot.planStart().plusDays(PainLevel.WINDOW_DAYS - 1L);
    LegPainReading latest = readings.get(readings.size() - 1);
    if (!latest.legPain().isPresent() || !day(latest, zone).isAfter(baselineEnd)) {
      return Optional.empty();
    }
    boolean atStart = false;
    boolean left = false;
    boolean right = false;
    for (LegPainReading reading : readings) {
      if (!day(reading, zone).isAfter(baselineEnd) && reading.legPain().isPresent()) {
        atStart = true;
        Side side = reading.legPain().side();
        left |= side == Side.LEFT || side == Side.BOTH;
        right |= side == Side.RIGHT || side == Side.BOTH;
      }
    }
    LegPain now = latest.legPain();
    String since = onsetOfLatestEpisode(readings).at().toLocalDate().toString();
    if (!atStart) {
      return Optional.of(
          new ProgressAlert(
              RULE,
              NextStep.CLINICIAN_REVIEW,
              "New shooting leg pain"
                  + now.sideIfKnown().map(s -> " (" + s + ")").orElse("")
                  + " since "
                  + since
                  + ": clinician review"));
    }
    boolean spreads =
        now.side() == Side.BOTH && !(left && right)
            || now.side() == Side.LEFT && !left && right
            || now.side() == Side.RIGHT && !right && left;
    return spreads
        ? Optional.of(
            new ProgressAlert(
                RULE,
                NextStep.CLINICIAN_REVIEW,
                "Shooting leg pain has spread to "
                    + now.side()
                    + " since "
                    + since
                    + ": clinician review"))
        : Optional.empty();
  }

  private static LegPainReading onsetOfLatestEpisode(List<LegPainReading> readings) {
    int i = readings.size() - 1;
    while (i > 0 && readings.get(i - 1).legPain().isPresent()) {
      i--;
    }
    return readings.get(i);
  }

  /** A clinically important rise of the last 7 days over the 7 days before. */
  static Optional<ProgressAlert> weekOnWeekRise(
      ProgressSnapshot snapshot, ProgressThresholds thresholds, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    int w = PainLevel.WINDOW_DAYS;
    OptionalDouble before =
        PainLevel.mean(
            snapshot.painReadings(),
            today.minusDays(2L * w - 1),
            today.minusDays(w),
            clock.getZone());
    OptionalDouble now =
        PainLevel.mean(snapshot.painReadings(), today.minusDays(w - 1L), today, clock.getZone());
    if (before.isEmpty()
        || now.isEmpty()
        || !ClinicallyImportantChange.isRise(before.getAsDouble(), now.getAsDouble(), thresholds)) {
      return Optional.empty();
    }
    return Optional.of(
        new ProgressAlert(
            RULE,
            NextStep.CLINICIAN_REVIEW,
            String.format(
                "Pain has risen from %.1f to %.1f within a week: clinician review",
                before.getAsDouble(), now.getAsDouble())));
  }

  private static LocalDate day(LegPainReading reading, ZoneId zone) {
    return reading.at().atZoneSameInstant(zone).toLocalDate();
  }
}
