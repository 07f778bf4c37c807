package app.lumbra.adherence.domain;

/**
 * The adherence numbers PRODUCT.md marks as defaults; configuration, not code constants.
 *
 * @param gapFactor ADH-2: an interval between attended sessions longer than this many planned
 *     intervals is flagged (default 1.5)
 */
public record AdherenceThresholds(double gapFactor) {
  public static final double DEFAULT_GAP_FACTOR = 1.5;

  public AdherenceThresholds {
    if (!(gapFactor >= 1.0)) {
      throw new IllegalArgumentException("ADH-2 gap factor must be at least 1, was " + gapFactor);
    }
  }

  public static AdherenceThresholds defaults() {
    return new AdherenceThresholds(DEFAULT_GAP_FACTOR);
  }
}
