package app.lumbra.progress.domain;

/** Where a plan's patient stands, in one word (see {@link ProgressClassifier} for the order). */
public enum Classification {
  /** Fewer than 3 sessions and no two pain windows to compare yet. */
  NOT_ENOUGH_DATA,
  /** PROG-3: clinically important relief within the first 3 sessions. */
  EARLY_RESPONDER,
  /** PROG-2: pain has dropped by a clinically important amount and is still falling. */
  IMPROVING,
  /** PROG-4: a clinically important improvement that has levelled off. */
  PLATEAU,
  /** Data to compare, no clinically important change yet, and PROG-5's review point not reached. */
  NOT_YET_IMPROVING,
  /** PROG-5: no clinically important improvement by the review point. */
  NON_RESPONDER,
  /** PROG-6: pain is higher than at the start by a clinically important amount. */
  WORSENING
}
