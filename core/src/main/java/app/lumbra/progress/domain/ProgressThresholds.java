package app.lumbra.progress.domain;

/**
 * The progress numbers PRODUCT.md marks as defaults; configuration, not code constants.
 *
 * @param importantChangePoints PROG-2: a change of at least this many NRS points is clinically
 *     important (default 2)
 * @param importantDropPercent PROG-2: a drop of at least this share of the baseline, in percent, is
 *     clinically important too (default 30)
 * @param plateauSlopePerWeek PROG-4: pain whose least-squares slope over the last 3 weeks is below
 *     this many points per week in magnitude is flat (default 0.25)
 */
public record ProgressThresholds(
    double importantChangePoints, double importantDropPercent, double plateauSlopePerWeek) {

  public static final double DEFAULT_IMPORTANT_CHANGE_POINTS = 2.0;
  public static final double DEFAULT_IMPORTANT_DROP_PERCENT = 30.0;
  public static final double DEFAULT_PLATEAU_SLOPE_PER_WEEK = 0.25;

  public ProgressThresholds {
    positive("importantChangePoints", importantChangePoints);
    positive("importantDropPercent", importantDropPercent);
    positive("plateauSlopePerWeek", plateauSlopePerWeek);
  }

  public static ProgressThresholds defaults() {
    return new ProgressThresholds(
        DEFAULT_IMPORTANT_CHANGE_POINTS,
        DEFAULT_IMPORTANT_DROP_PERCENT,
        DEFAULT_PLATEAU_SLOPE_PER_WEEK);
  }

  private static void positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
