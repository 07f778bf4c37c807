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
 * PROG-6 Warning signs: shooting leg pain that is new (at any time, against the plan's first
 * record) or worsening, or pain rising by a clinically important amount, raises an alert for
 * clinician review; leg pain in both legs is a red flag (SAFE-1). New numbness or weakness is
 * recorded as an adverse response (SAFE-3), which raises its own red flag.
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
    alerts.addAll(legPain(snapshot, clock));
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
   * How far back a leg-pain episode still raises its alert when a later reading says the pain is
   * gone: long enough for the clinician to see it, short enough not to list it for ever
   * (acknowledging the alert is SAFE-4's business).
   */
  public static final int EPISODE_LOOKBACK_DAYS = 28;

  /**
   * PROG-6 for shooting leg pain, compared against the plan's first record of it:
   *
   * <ul>
   *   <li>new: an episode of leg pain (present readings in a row) when the plan's first record said
   *       absent, at any time, the first week included; a first record that says present after the
   *       plan's first week is new too;
   *   <li>worsening: leg pain on a leg that earlier readings of the plan did not have;
   *   <li>leg pain in both legs is a red flag (SAFE-1: possible cauda equina), not just a review.
   * </ul>
   *
   * An episode that started within the last {@value #EPISODE_LOOKBACK_DAYS} days raises its alert
   * even when a later reading says the pain is gone. Leg pain already there at the plan's first
   * record and unchanged raises nothing.
   */
  public static List<ProgressAlert> legPain(ProgressSnapshot snapshot, Clock clock) {
    List<LegPainReading> readings = snapshot.legPainReadings();
    List<ProgressAlert> alerts = new ArrayList<>();
    if (readings.isEmpty()) {
      return alerts;
    }
    ZoneId zone = clock.getZone();
    LocalDate since = LocalDate.now(clock).minusDays(EPISODE_LOOKBACK_DAYS - 1L);
    boolean presentAtStart =
        startingRecord(snapshot, zone).map(r -> r.legPain().isPresent()).orElse(false);

    int latestEpisode = -1;
    for (int i = readings.size() - 1; i >= 0; i--) {
      if (readings.get(i).legPain().isPresent()) {
        latestEpisode = i;
        while (latestEpisode > 0 && readings.get(latestEpisode - 1).legPain().isPresent()) {
          latestEpisode--;
        }
        break;
      }
    }
    if (latestEpisode < 0) {
      return alerts;
    }
    LegPainReading onset = readings.get(latestEpisode);
    LegPainReading latestPresent = onset;
    for (int i = latestEpisode; i < readings.size() && readings.get(i).legPain().isPresent(); i++) {
      latestPresent = readings.get(i);
    }
    boolean ongoing = latestPresent == readings.get(readings.size() - 1);
    boolean recent = !day(onset, zone).isBefore(since) || ongoing;
    String gone =
        ongoing ? "" : ", reported absent again on " + day(readings.get(readings.size() - 1), zone);

    // Red flag: both legs in the current episode, or on a reading of the last weeks.
    for (int i = readings.size() - 1; i >= 0; i--) {
      LegPainReading reading = readings.get(i);
      boolean inWindow = !day(reading, zone).isBefore(since) || (ongoing && i >= latestEpisode);
      if (!inWindow) {
        break;
      }
      if (reading.legPain().side() == Side.BOTH) {
        alerts.add(
            new ProgressAlert(
                RULE,
                AlertSeverity.RED_FLAG,
                NextStep.URGENT_MEDICAL_ASSESSMENT,
                "Shooting pain in both legs reported on "
                    + day(reading, zone)
                    + ": a red flag for nerve-root or cauda equina compression. Refer for urgent"
                    + " medical assessment before the next session"));
        break;
      }
    }

    boolean newEpisode = !presentAtStart;
    if (newEpisode && recent) {
      alerts.add(
          new ProgressAlert(
              RULE,
              NextStep.CLINICIAN_REVIEW,
              "New shooting leg pain"
                  + onset.legPain().sideIfKnown().map(s -> " (" + s + ")").orElse("")
                  + " since "
                  + day(onset, zone)
                  + (latestEpisode > 0
                      ? " after a reading without it"
                      : ", not recorded at the start of the plan")
                  + gone
                  + ": clinician review"));
      return alerts;
    }
    if (!ongoing) {
      return alerts;
    }
    boolean left = false;
    boolean right = false;
    for (int i = 0; i < readings.size() - 1; i++) {
      Side side = readings.get(i).legPain().side();
      if (readings.get(i).legPain().isPresent()) {
        left |= side == Side.LEFT || side == Side.BOTH;
        right |= side == Side.RIGHT || side == Side.BOTH;
      }
    }
    LegPain now = latestPresent.legPain();
    boolean spreads =
        now.side() == Side.BOTH && (left ^ right)
            || now.side() == Side.LEFT && !left && right
            || now.side() == Side.RIGHT && !right && left;
    if (spreads) {
      alerts.add(
          new ProgressAlert(
              RULE,
              NextStep.CLINICIAN_REVIEW,
              "Shooting leg pain has spread to "
                  + (now.side() == Side.BOTH ? "BOTH legs" : "the " + now.side() + " leg")
                  + " since "
                  + day(latestPresent, zone)
                  + ": clinician review"));
    }
    return alerts;
  }

  /**
   * The plan's first record of leg pain, which is the starting state; a first record that says
   * present but was taken after the plan's first week did not describe the start (the pain was not
   * known then), so there is none.
   */
  private static Optional<LegPainReading> startingRecord(ProgressSnapshot snapshot, ZoneId zone) {
    LegPainReading first = snapshot.legPainReadings().get(0);
    LocalDate firstWeekEnd = snapshot.planStart().plusDays(PainLevel.WINDOW_DAYS - 1L);
    return first.legPain().isPresent() && day(first, zone).isAfter(firstWeekEnd)
        ? Optional.empty()
        : Optional.of(first);
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
