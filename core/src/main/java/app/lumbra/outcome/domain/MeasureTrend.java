package app.lumbra.outcome.domain;

import java.util.List;

/**
 * OUT-1: one measure over the episode: its baseline and current level, the direction of the change
 * and every point, oldest first.
 *
 * @param baseline mean of the first week's readings, null without readings
 * @param current mean of the last week's readings, null while it would be the baseline week
 * @param importantChange the smallest change that is clinically important from this baseline, in
 *     the measure's units (the lower edge of the "not yet important" band), null without a baseline
 * @param importantRise the smallest rise that is clinically important (the upper edge), null
 *     without a baseline
 * @param baselineObservationId the first reading (a discharge summary refers to it)
 * @param latestObservationId the latest reading
 */
public record MeasureTrend(
    TrackedMeasure measure,
    Double baseline,
    Double current,
    Double importantChange,
    Double importantRise,
    Direction direction,
    List<MeasurePoint> points,
    String baselineObservationId,
    String latestObservationId) {

  public MeasureTrend {
    points = List.copyOf(points);
  }

  public boolean improved() {
    return direction == Direction.IMPROVED;
  }

  public boolean worsened() {
    return direction == Direction.WORSENED;
  }

  /** The latest reading's value, if any. */
  public Integer latestValue() {
    return points.isEmpty() ? null : points.get(points.size() - 1).value();
  }
}
