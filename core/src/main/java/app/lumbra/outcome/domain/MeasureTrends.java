package app.lumbra.outcome.domain;

import app.lumbra.progress.domain.PainComparison;
import app.lumbra.progress.domain.ProgressThresholds;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * OUT-1: every tracked measure trended like pain. Pain is PROG-2's comparison (first 7 days of the
 * plan against the last 7). The others are taken less often (at intake and at reassessments), so
 * their baseline is the week from their first reading and their current level the week up to their
 * latest reading, leaving out readings of the baseline week.
 */
public final class MeasureTrends {

  static final int WINDOW_DAYS = 7;

  private MeasureTrends() {}

  public static List<MeasureTrend> of(
      List<MeasurePoint> points,
      PainComparison pain,
      ProgressThresholds painThresholds,
      OutcomeThresholds thresholds,
      ZoneId zone) {
    List<MeasureTrend> trends = new ArrayList<>();
    for (TrackedMeasure measure : TrackedMeasure.values()) {
      List<MeasurePoint> own =
          points.stream()
              .filter(point -> point.measure() == measure)
              .sorted(Comparator.comparing(point -> point.at().toInstant()))
              .toList();
      trends.add(
          measure == TrackedMeasure.PAIN
              ? pain(own, pain, painThresholds)
              : trend(measure, own, thresholds, zone));
    }
    return trends;
  }

  private static MeasureTrend pain(
      List<MeasurePoint> points, PainComparison comparison, ProgressThresholds thresholds) {
    if (comparison == null) {
      return new MeasureTrend(
          TrackedMeasure.PAIN,
          null,
          null,
          null,
          null,
          Direction.NOT_ENOUGH_DATA,
          points,
          firstId(points),
          lastId(points));
    }
    Direction direction =
        comparison.importantImprovement()
            ? Direction.IMPROVED
            : comparison.importantRise() ? Direction.WORSENED : Direction.NO_IMPORTANT_CHANGE;
    double smallest =
        comparison.baseline() > 0
            ? Math.min(
                thresholds.importantChangePoints(),
                comparison.baseline() * thresholds.importantDropPercent() / 100.0)
            : thresholds.importantChangePoints();
    return new MeasureTrend(
        TrackedMeasure.PAIN,
        comparison.baseline(),
        comparison.current(),
        smallest,
        thresholds.importantChangePoints(),
        direction,
        points,
        firstId(points),
        lastId(points));
  }

  static MeasureTrend trend(
      TrackedMeasure measure,
      List<MeasurePoint> points,
      OutcomeThresholds thresholds,
      ZoneId zone) {
    if (points.isEmpty()) {
      return new MeasureTrend(
          measure, null, null, null, null, Direction.NOT_ENOUGH_DATA, points, null, null);
    }
    LocalDate first = day(points.get(0), zone);
    LocalDate baselineEnd = first.plusDays(WINDOW_DAYS - 1L);
    LocalDate last = day(points.get(points.size() - 1), zone);
    LocalDate currentStart = last.minusDays(WINDOW_DAYS - 1L);
    double baseline = mean(points, first, baselineEnd, zone).orElseThrow();
    double smallest = ImportantChangePolicy.smallestImprovement(measure, baseline, thresholds);
    double rise = ImportantChangePolicy.points(measure, thresholds);
    LocalDate from = currentStart.isAfter(baselineEnd) ? currentStart : baselineEnd.plusDays(1);
    OptionalDouble current = mean(points, from, last, zone);
    if (current.isEmpty()) {
      return new MeasureTrend(
          measure,
          baseline,
          null,
          smallest,
          rise,
          Direction.NOT_ENOUGH_DATA,
          points,
          firstId(points),
          lastId(points));
    }
    return new MeasureTrend(
        measure,
        baseline,
        current.getAsDouble(),
        smallest,
        rise,
        ImportantChangePolicy.direction(measure, baseline, current.getAsDouble(), thresholds),
        points,
        firstId(points),
        lastId(points));
  }

  private static OptionalDouble mean(
      List<MeasurePoint> points, LocalDate from, LocalDate to, ZoneId zone) {
    return points.stream()
        .filter(
            point -> {
              LocalDate day = day(point, zone);
              return !day.isBefore(from) && !day.isAfter(to);
            })
        .mapToInt(MeasurePoint::value)
        .average();
  }

  private static LocalDate day(MeasurePoint point, ZoneId zone) {
    return point.at().atZoneSameInstant(zone).toLocalDate();
  }

  private static String firstId(List<MeasurePoint> points) {
    return points.isEmpty() ? null : points.get(0).observationId();
  }

  private static String lastId(List<MeasurePoint> points) {
    return points.isEmpty() ? null : points.get(points.size() - 1).observationId();
  }
}
