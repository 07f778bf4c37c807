package app.lumbra.outcome.domain;

/**
 * OUT-1: what counts as a clinically important change of each tracked measure. Pain follows PROG-2
 * (its comparison comes from the progress report); ODI improves by 10 points or 30 %, RMDQ by 5
 * points or 30 % (Ostelo 2008); stiffness and difficulty of daily activities use the pain scale's
 * points by default; spasms and leg pain change when their category changes.
 */
public final class ImportantChangePolicy {

  public static final String RULE = "OUT-1";

  // Means of integer scores are compared, so allow for binary floating-point rounding.
  private static final double TOLERANCE = 1e-9;

  private ImportantChangePolicy() {}

  /** The points a change must reach, whatever the baseline. */
  public static double points(TrackedMeasure measure, OutcomeThresholds thresholds) {
    switch (measure) {
      case OSWESTRY:
        return thresholds.oswestryPoints();
      case ROLAND_MORRIS:
        return thresholds.rolandMorrisPoints();
      case SPASM:
      case LEG_PAIN:
      case MEDICATION_USE:
        // A dose a day more or less is what a patient and prescriber notice.
        return 1;
      default:
        return thresholds.symptomPoints();
    }
  }

  /**
   * The smallest improvement that is important from {@code baseline}: the points, or fewer when the
   * percent criterion of ODI and RMDQ is reached first.
   */
  public static double smallestImprovement(
      TrackedMeasure measure, double baseline, OutcomeThresholds thresholds) {
    double points = points(measure, thresholds);
    if (measure.isFunction() && baseline > 0) {
      return Math.min(points, baseline * thresholds.functionDropPercent() / 100.0);
    }
    return points;
  }

  public static boolean isImprovement(
      TrackedMeasure measure, double from, double to, OutcomeThresholds thresholds) {
    return from - to + TOLERANCE >= smallestImprovement(measure, from, thresholds);
  }

  /**
   * A rise of at least the points: as for pain (PROG-2), a percent of a low baseline is a fraction
   * of a point and would turn noise into a worsening.
   */
  public static boolean isWorsening(
      TrackedMeasure measure, double from, double to, OutcomeThresholds thresholds) {
    return to - from + TOLERANCE >= points(measure, thresholds);
  }

  public static Direction direction(
      TrackedMeasure measure, double from, double to, OutcomeThresholds thresholds) {
    if (isImprovement(measure, from, to, thresholds)) {
      return Direction.IMPROVED;
    }
    if (isWorsening(measure, from, to, thresholds)) {
      return Direction.WORSENED;
    }
    return Direction.NO_IMPORTANT_CHANGE;
  }
}
