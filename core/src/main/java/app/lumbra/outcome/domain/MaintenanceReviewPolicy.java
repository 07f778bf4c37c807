package app.lumbra.outcome.domain;

import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.progress.domain.PainReading;
import app.lumbra.progress.domain.SessionPainPoint;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OUT-4 Maintenance review: maintenance is not open-ended. Every 12 weeks (default) from the start
 * of maintenance the plan asks whether to continue, using how long relief lasts after a session
 * (until pain is back at its pre-session level, from the diary or the next pre-session score) and
 * whether pain rose when sessions were spaced out. It suggests a longer or shorter interval within
 * PLAN-4's range for the patient, or stopping: the seeds say the therapist watches how long benefit
 * lasts and adjusts, and that a long-term benefit of maintenance is not established.
 */
public final class MaintenanceReviewPolicy {

  public static final String RULE = "OUT-4";

  private static final double DAY_SECONDS = 86_400.0;

  private MaintenanceReviewPolicy() {}

  /**
   * The review, from the first review day on, or empty while the plan is not in maintenance or its
   * first review is still ahead.
   *
   * @param sessions attended sessions with pre and post pain
   * @param pain every pain reading (diary, pre- and post-session)
   * @param rangeWeeks PLAN-4's maintenance interval range for this patient, {min, max}
   * @param painPoints PROG-2's clinically important change of pain, in points
   */
  public static Optional<MaintenanceReview> review(
      List<PlannedPhase> phases,
      List<SessionPainPoint> sessions,
      List<PainReading> pain,
      List<OffsetDateTime> reassessments,
      int[] rangeWeeks,
      double painPoints,
      OutcomeThresholds thresholds,
      LocalDate today,
      ZoneId zone) {
    Optional<PlannedPhase> maintenance =
        phases.stream()
            .filter(phase -> PlannedPhase.MAINTENANCE.equals(phase.code()))
            .filter(phase -> phase.covers(today))
            .findFirst();
    if (maintenance.isEmpty()) {
      return Optional.empty();
    }
    LocalDate start = maintenance.get().start();
    long periods =
        (today.toEpochDay() - start.toEpochDay()) / (7L * thresholds.maintenanceReviewWeeks());
    if (periods < 1) {
      return Optional.empty();
    }
    LocalDate dueOn = start.plusWeeks(periods * thresholds.maintenanceReviewWeeks());
    boolean done =
        reassessments.stream()
            .anyMatch(time -> !time.atZoneSameInstant(zone).toLocalDate().isBefore(dueOn));
    double intervalWeeks = maintenance.get().plannedInterval().toMinutes() / (7.0 * 24 * 60);
    List<SessionPainPoint> inMaintenance =
        sessions.stream()
            .filter(s -> !s.performedAt().atZoneSameInstant(zone).toLocalDate().isBefore(start))
            .sorted(Comparator.comparing(s -> s.performedAt().toInstant()))
            .toList();
    List<Double> relief = reliefDays(inMaintenance, pain);
    boolean rose =
        painRoseWhenSpacedOut(inMaintenance, maintenance.get().plannedInterval(), painPoints);
    return Optional.of(
        suggest(dueOn, done, relief, rose, intervalWeeks, rangeWeeks[0], rangeWeeks[1]));
  }

  static MaintenanceReview suggest(
      LocalDate dueOn,
      boolean done,
      List<Double> relief,
      boolean rose,
      double intervalWeeks,
      int minWeeks,
      int maxWeeks) {
    String range = "the recommended range for this patient is every " + range(minWeeks, maxWeeks);
    if (relief.isEmpty()) {
      return new MaintenanceReview(
          dueOn,
          done,
          null,
          0,
          rose,
          intervalWeeks,
          IntervalSuggestion.NOT_ENOUGH_DATA,
          null,
          "How long relief lasts is not known: record pain before and after each session and ask"
              + " the patient to keep the pain diary between sessions; "
              + range
              + ".");
    }
    double median = median(relief);
    String lasts = "Relief lasts about " + days(median) + " after a session";
    String spaced =
        rose
            ? "; pain was higher before sessions that came after a longer gap"
            : "; pain did not rise when sessions were further apart";
    double intervalDays = intervalWeeks * 7;
    if (median < 1) {
      return review(
          dueOn,
          done,
          median,
          relief,
          rose,
          intervalWeeks,
          IntervalSuggestion.STOP,
          null,
          "Sessions bring no relief that lasts a day: consider stopping maintenance (its long-term"
              + " benefit is not established) and discussing other care");
    }
    if (median >= intervalDays && !rose) {
      if (intervalWeeks + 1e-9 < maxWeeks) {
        int longer = Math.min(maxWeeks, (int) Math.floor(intervalWeeks) + 1);
        return review(
            dueOn,
            done,
            median,
            relief,
            rose,
            intervalWeeks,
            IntervalSuggestion.LONGER_INTERVAL,
            longer,
            lasts + spaced + ": try a session every " + weeks(longer) + " (" + range + ")");
      }
      return review(
          dueOn,
          done,
          median,
          relief,
          rose,
          intervalWeeks,
          IntervalSuggestion.STOP,
          null,
          lasts
              + spaced
              + ", already at the longest interval of the recommended range: consider stopping"
              + " maintenance and resuming if pain returns (its long-term benefit is not"
              + " established)");
    }
    if (median < intervalDays) {
      int wanted = Math.max(minWeeks, (int) Math.ceil(median / 7));
      if (wanted + 1e-9 < intervalWeeks) {
        return review(
            dueOn,
            done,
            median,
            relief,
            rose,
            intervalWeeks,
            IntervalSuggestion.SHORTER_INTERVAL,
            wanted,
            lasts
                + spaced
                + ": pain returns well before the next session, try a session every "
                + weeks(wanted)
                + " ("
                + range
                + ")");
      }
      if (median < minWeeks * 7 - 7) {
        return review(
            dueOn,
            done,
            median,
            relief,
            rose,
            intervalWeeks,
            IntervalSuggestion.STOP,
            null,
            lasts
                + spaced
                + ", well short of even the shortest interval of the recommended range ("
                + range
                + "): consider stopping maintenance, since sessions do not keep the pain down");
      }
    }
    return review(
        dueOn,
        done,
        median,
        relief,
        rose,
        intervalWeeks,
        IntervalSuggestion.KEEP_INTERVAL,
        null,
        lasts + spaced + ": keep the current interval (" + range + ")");
  }

  private static MaintenanceReview review(
      LocalDate dueOn,
      boolean done,
      double median,
      List<Double> relief,
      boolean rose,
      double intervalWeeks,
      IntervalSuggestion suggestion,
      Integer weeks,
      String explanation) {
    return new MaintenanceReview(
        dueOn,
        done,
        median,
        relief.size(),
        rose,
        intervalWeeks,
        suggestion,
        weeks,
        explanation + ".");
  }

  /**
   * For each session whose pain fell, the days until a later reading (diary or next pre-session)
   * was back at the pre-session level. When the next session's pre-session score is still below,
   * relief lasted at least until then and that time counts. A session without a fall is 0 days; a
   * session with nothing recorded after it is left out.
   */
  static List<Double> reliefDays(List<SessionPainPoint> sessions, List<PainReading> pain) {
    List<PainReading> later =
        pain.stream()
            .filter(PainReading::countsTowardsPainLevel)
            .sorted(Comparator.comparing(r -> r.at().toInstant()))
            .toList();
    List<Double> days = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      SessionPainPoint session = sessions.get(i);
      if (session.prePain() == null || session.postPain() == null) {
        continue;
      }
      if (session.postPain() >= session.prePain()) {
        days.add(0.0);
        continue;
      }
      OffsetDateTime after = session.performedAt();
      OffsetDateTime until = i + 1 < sessions.size() ? sessions.get(i + 1).performedAt() : null;
      Double found = null;
      for (PainReading reading : later) {
        if (!reading.at().toInstant().isAfter(after.toInstant().plusSeconds(60))) {
          continue;
        }
        if (until != null && reading.at().toInstant().isAfter(until.toInstant())) {
          break;
        }
        if (reading.score().value() >= session.prePain()) {
          found = secondsBetween(after, reading.at()) / DAY_SECONDS;
          break;
        }
      }
      if (found == null && until != null) {
        found = secondsBetween(after, until) / DAY_SECONDS;
      }
      if (found != null) {
        days.add(found);
      }
    }
    return days;
  }

  /**
   * Whether pain before a session was higher by a clinically important amount after intervals
   * longer than 1.25 × the planned one than after the others (both kinds needed).
   */
  static boolean painRoseWhenSpacedOut(
      List<SessionPainPoint> sessions, Duration planned, double painPoints) {
    List<Integer> afterLong = new ArrayList<>();
    List<Integer> afterUsual = new ArrayList<>();
    double longSeconds = planned.getSeconds() * 1.25;
    for (int i = 1; i < sessions.size(); i++) {
      Integer pre = sessions.get(i).prePain();
      if (pre == null) {
        continue;
      }
      double gap = secondsBetween(sessions.get(i - 1).performedAt(), sessions.get(i).performedAt());
      (gap > longSeconds ? afterLong : afterUsual).add(pre);
    }
    if (afterLong.isEmpty() || afterUsual.isEmpty()) {
      return false;
    }
    double rise = mean(afterLong) - mean(afterUsual);
    return rise + 1e-9 >= painPoints;
  }

  private static double mean(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).average().orElse(0);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double secondsBetween(OffsetDateTime from, OffsetDateTime to) {
    return Duration.between(from.toInstant(), to.toInstant()).getSeconds();
  }

  private static String days(double days) {
    long rounded = Math.round(days);
    return rounded == 1 ? "1 day" : rounded + " days";
  }

  private static String weeks(int weeks) {
    return weeks == 1 ? "week" : weeks + " weeks";
  }

  private static String range(int min, int max) {
    return min == max ? weeks(min) : String.format(Locale.ROOT, "%d to %d weeks", min, max);
  }
}
