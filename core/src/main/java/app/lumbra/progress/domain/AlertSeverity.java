package app.lumbra.progress.domain;

/**
 * How urgent an alert is, most urgent first, so that lists can put red flags before review
 * suggestions (SAFE-4).
 */
public enum AlertSeverity {
  /** A sign of possible serious pathology (PROG-6 with SAFE-1): refer for urgent assessment. */
  RED_FLAG,
  /** The clinician should look at the patient or the plan (PROG-5, PROG-6). */
  REVIEW,
  /** A suggestion about the plan's course (PROG-4, PROG-7, ADH-2). */
  SUGGESTION
}
