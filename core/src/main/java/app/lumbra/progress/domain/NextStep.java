package app.lumbra.progress.domain;

/** What an alert suggests the clinician does next, with the usual urgency of that step. */
public enum NextStep {
  /** PROG-4: improvement has levelled off in the initial phase. */
  MOVE_TO_TAPER(AlertSeverity.SUGGESTION),
  /** PROG-4: improvement has levelled off while tapering. */
  MOVE_TO_MAINTENANCE(AlertSeverity.SUGGESTION),
  /** PROG-5: no clinically important improvement by the review point. */
  REVIEW_PLAN(AlertSeverity.REVIEW),
  /** PROG-5, OUT-3: still no improvement two weeks after the review point. */
  STOP_OR_REFER(AlertSeverity.REVIEW),
  /** PROG-6: a warning sign for the clinician to look at. */
  CLINICIAN_REVIEW(AlertSeverity.REVIEW),
  /** PROG-6 with SAFE-1: a red flag of serious pathology. */
  URGENT_MEDICAL_ASSESSMENT(AlertSeverity.RED_FLAG),
  /** PROG-7: relief is fading after sessions stopped or thinned out. */
  RESUME_SESSIONS(AlertSeverity.SUGGESTION),
  /** ADH-2: sessions are too far apart. */
  KEEP_SESSIONS_REGULAR(AlertSeverity.SUGGESTION);

  private final AlertSeverity severity;

  NextStep(AlertSeverity severity) {
    this.severity = severity;
  }

  public AlertSeverity severity() {
    return severity;
  }
}
