package app.lumbra.outcome.domain;

/** Where a reassessment point stands today (OUT-2). */
public enum ReassessmentStatus {
  DONE,
  UPCOMING,
  DUE,
  OVERDUE
}
