package app.lumbra.condition.domain;

/** How the current episode of low-back pain began; drives the initial phase (PLAN-3). */
public enum OnsetType {
  /** New onset or a recent injury. */
  ACUTE,
  /** Long-standing pain (typically more than 12 weeks). */
  CHRONIC,
  /** A sudden worsening of known back pain. */
  FLARE_UP
}
