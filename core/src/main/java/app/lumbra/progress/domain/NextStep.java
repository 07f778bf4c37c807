package app.lumbra.progress.domain;

/** What an alert suggests the clinician does next. */
public enum NextStep {
  /** PROG-4: improvement has levelled off in the initial phase. */
  MOVE_TO_TAPER,
  /** PROG-4: improvement has levelled off while tapering. */
  MOVE_TO_MAINTENANCE,
  /** PROG-5: no clinically important improvement after 6 weeks. */
  REVIEW_PLAN,
  /** PROG-6: a red flag. */
  CLINICIAN_REVIEW,
  /** PROG-7: relief is fading after sessions stopped or thinned out. */
  RESUME_SESSIONS,
  /** ADH-2: sessions are too far apart. */
  KEEP_SESSIONS_REGULAR
}
