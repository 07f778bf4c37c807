package app.lumbra.advice.domain;

/** How urgently a clinician in the EHR must act on an advice; the most urgent first. */
public enum AdviceUrgency {
  CRITICAL,
  WARNING,
  INFO
}
