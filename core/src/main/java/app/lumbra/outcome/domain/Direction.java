package app.lumbra.outcome.domain;

/** How a measure changed from its baseline to now (OUT-1). */
public enum Direction {
  /** A clinically important improvement. */
  IMPROVED,
  /** Worse by a clinically important amount. */
  WORSENED,
  /** A change smaller than clinically important, either way. */
  NO_IMPORTANT_CHANGE,
  /** Not measured twice far enough apart yet. */
  NOT_ENOUGH_DATA
}
