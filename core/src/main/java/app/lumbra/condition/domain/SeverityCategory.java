package app.lumbra.condition.domain;

/**
 * Severity in words, as clinicians and EHRs often record it. When only a pain score is known the
 * category follows the common NRS bands: 0–3 mild, 4–6 moderate, 7–10 severe.
 */
public enum SeverityCategory {
  MILD,
  MODERATE,
  SEVERE,
  /**
   * FHIR-6: a partner's condition that gives neither a severity nor a pain score (a problem-list
   * entry). An explicit value, so that every rule has to say what it does without one: PLAN-3 then
   * plans as for moderate pain and the plan says that severity was not known.
   */
  UNKNOWN;

  /** Whether a severity was recorded. */
  public boolean isKnown() {
    return this != UNKNOWN;
  }

  public static SeverityCategory ofPainScore(int nrs) {
    if (nrs >= 7) {
      return SEVERE;
    }
    return nrs >= 4 ? MODERATE : MILD;
  }
}
