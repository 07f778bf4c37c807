package app.lumbra.progress.domain;

/**
 * PROG-2: what counts as a clinically important change of pain (Farrar 2001; Ostelo 2008), used by
 * PROG-3..7 alike.
 */
public final class ClinicallyImportantChange {

  // Means of integer scores are compared, so allow for binary floating-point rounding.
  private static final double TOLERANCE = 1e-9;

  private ClinicallyImportantChange() {}

  /**
   * A drop of at least the point threshold, or of at least the percent threshold of {@code from}.
   */
  public static boolean isImprovement(double from, double to, ProgressThresholds thresholds) {
    double drop = from - to;
    if (drop + TOLERANCE >= thresholds.importantChangePoints()) {
      return true;
    }
    return from > 0 && drop / from * 100 + TOLERANCE >= thresholds.importantDropPercent();
  }

  /**
   * A rise of at least the point threshold. The percent criterion exists for improvements because a
   * low baseline leaves no room for a 2-point drop; a rise has no such floor, and 30 % of a low
   * level is a fraction of a point, which would turn everyday noise into red flags.
   */
  public static boolean isRise(double from, double to, ProgressThresholds thresholds) {
    return to - from + TOLERANCE >= thresholds.importantChangePoints();
  }
}
