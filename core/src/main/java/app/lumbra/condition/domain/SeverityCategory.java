package app.lumbra.condition.domain;

/**
 * Severity in words, as clinicians and EHRs often record it. When only a pain score is known the
 * category follows the common NRS bands: 0–3 mild, 4–6 moderate, 7–10 severe.
 */
public enum SeverityCategory {
  MILD,
  MODERATE,
  SEVERE;

  public static SeverityCategory ofPainScore(int nrs) {
    if (nrs >= 7) {
      return SEVERE;
    }
    return nrs >= 4 ? MODERATE : MILD;
  }
}
