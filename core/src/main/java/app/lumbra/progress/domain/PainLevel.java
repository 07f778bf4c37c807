package app.lumbra.progress.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * PROG-2 Trend: baseline = mean pain of the first 7 days of the plan, current = mean of the last 7
 * days; days are calendar days in the clock's zone.
 */
public final class PainLevel {

  public static final int WINDOW_DAYS = 7;

  private PainLevel() {}

  /**
   * Baseline against current, or empty while either window has no readings or the two windows still
   * overlap (a plan younger than two weeks would compare a week with itself).
   */
  public static Optional<PainComparison> compare(
      ProgressSnapshot snapshot, ProgressThresholds thresholds, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    LocalDate baselineEnd = snapshot.planStart().plusDays(WINDOW_DAYS - 1L);
    LocalDate currentStart = today.minusDays(WINDOW_DAYS - 1L);
    if (!currentStart.isAfter(baselineEnd)) {
      return Optional.empty();
    }
    OptionalDouble baseline =
        mean(snapshot.painReadings(), snapshot.planStart(), baselineEnd, clock.getZone());
    OptionalDouble current = mean(snapshot.painReadings(), currentStart, today, clock.getZone());
    if (baseline.isEmpty() || current.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(comparison(baseline.getAsDouble(), current.getAsDouble(), thresholds));
  }

  static PainComparison comparison(double baseline, double current, ProgressThresholds thresholds) {
    double change = current - baseline;
    double percent = baseline == 0 ? 0.0 : change / baseline * 100;
    return new PainComparison(
        baseline,
        current,
        change,
        percent,
        ClinicallyImportantChange.isImprovement(baseline, current, thresholds),
        ClinicallyImportantChange.isRise(baseline, current, thresholds));
  }

  /** Mean of the readings that count towards the pain level on days {@code from..to}. */
  public static OptionalDouble mean(
      List<PainReading> readings, LocalDate from, LocalDate to, ZoneId zone) {
    return readings.stream()
        .filter(PainReading::countsTowardsPainLevel)
        .filter(
            reading -> {
              LocalDate day = day(reading, zone);
              return !day.isBefore(from) && !day.isAfter(to);
            })
        .mapToInt(reading -> reading.score().value())
        .average();
  }

  /** The daily mean pain level, oldest day first. */
  public static List<DailyPain> dailyMeans(List<PainReading> readings, ZoneId zone) {
    Map<LocalDate, int[]> sums = new TreeMap<>();
    for (PainReading reading : readings) {
      if (reading.countsTowardsPainLevel()) {
        int[] sum = sums.computeIfAbsent(day(reading, zone), d -> new int[2]);
        sum[0] += reading.score().value();
        sum[1]++;
      }
    }
    List<DailyPain> daily = new ArrayList<>();
    sums.forEach((day, sum) -> daily.add(new DailyPain(day, (double) sum[0] / sum[1], sum[1])));
    return daily;
  }

  static LocalDate day(PainReading reading, ZoneId zone) {
    return reading.at().atZoneSameInstant(zone).toLocalDate();
  }
}
