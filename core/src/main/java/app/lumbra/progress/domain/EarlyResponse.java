package app.lumbra.progress.domain;

/** PROG-3 verdict after the first 3 attended sessions. */
public enum EarlyResponse {
  /** Fewer than 3 sessions attended. */
  TOO_EARLY,
  EARLY_RESPONDER,
  NOT_YET,
  /** 3 sessions attended but the pain scores to judge by were not recorded. */
  UNKNOWN
}
