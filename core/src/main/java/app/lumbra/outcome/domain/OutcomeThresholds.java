package app.lumbra.outcome.domain;

/**
 * The outcome numbers: the published clinically important changes of function (Ostelo 2008) and the
 * defaults PRODUCT.md marks as such; configuration, not code constants.
 *
 * @param oswestryPoints OUT-1: an ODI change of at least this many points is important (10)
 * @param rolandMorrisPoints OUT-1: an RMDQ change of at least this many points is important (5)
 * @param functionDropPercent OUT-1: a drop of at least this share of the baseline, in percent, is
 *     important for ODI and RMDQ too (30)
 * @param symptomPoints stiffness and difficulty of daily activities (0–10) have no published
 *     threshold; they use the pain scale's by default (2)
 * @param recoveredPainAtMost OUT-3: "recovered" means pain at most this (NRS, default 1)
 * @param recoveredRolandMorrisAtMost OUT-3: and an RMDQ of at most this (default 2, Kamper 2010)
 * @param reassessmentWeeks OUT-2: after the initial phase, a reassessment is due every this many
 *     weeks (default 6)
 * @param reassessmentGraceDays OUT-2: a due reassessment becomes overdue this many days after its
 *     due day (default 7)
 * @param maintenanceReviewWeeks OUT-4: a maintenance phase is reviewed every this many weeks
 *     (default 12)
 */
public record OutcomeThresholds(
    int oswestryPoints,
    int rolandMorrisPoints,
    double functionDropPercent,
    double symptomPoints,
    int recoveredPainAtMost,
    int recoveredRolandMorrisAtMost,
    int reassessmentWeeks,
    int reassessmentGraceDays,
    int maintenanceReviewWeeks) {

  public OutcomeThresholds {
    positive("oswestryPoints", oswestryPoints);
    positive("rolandMorrisPoints", rolandMorrisPoints);
    positive("functionDropPercent", functionDropPercent);
    positive("symptomPoints", symptomPoints);
    positive("reassessmentWeeks", reassessmentWeeks);
    positive("maintenanceReviewWeeks", maintenanceReviewWeeks);
    if (recoveredPainAtMost < 0 || recoveredRolandMorrisAtMost < 0 || reassessmentGraceDays < 0) {
      throw new IllegalArgumentException("outcome thresholds must not be negative");
    }
  }

  public static OutcomeThresholds defaults() {
    return new OutcomeThresholds(10, 5, 30, 2, 1, 2, 6, 7, 12);
  }

  private static void positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
