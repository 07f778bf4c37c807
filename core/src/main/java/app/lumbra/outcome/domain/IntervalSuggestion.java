package app.lumbra.outcome.domain;

/** What the maintenance review suggests (OUT-4). */
public enum IntervalSuggestion {
  /** Relief outlasts the interval and pain did not rise when sessions were spaced out. */
  LONGER_INTERVAL,
  /** Relief fades well before the next session. */
  SHORTER_INTERVAL,
  /** The interval fits how long relief lasts. */
  KEEP_INTERVAL,
  /** Sessions bring no lasting relief, or the patient does as well without them. */
  STOP,
  /** Too few before/after scores to tell how long relief lasts. */
  NOT_ENOUGH_DATA
}
