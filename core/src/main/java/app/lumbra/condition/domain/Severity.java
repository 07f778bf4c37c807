package app.lumbra.condition.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.Optional;

/**
 * How bad the pain is: a pain score on the 0–10 numeric rating scale, a category, or both. At least
 * one is required; the category defaults to the band of the score.
 */
public record Severity(Integer painScore, SeverityCategory category) {

  public static final int MIN_NRS = 0;
  public static final int MAX_NRS = 10;

  public Severity {
    if (painScore == null && category == null) {
      throw new InvalidValueException(
          "severity", null, "a pain score 0-10, a category MILD/MODERATE/SEVERE, or both");
    }
    if (painScore != null && (painScore < MIN_NRS || painScore > MAX_NRS)) {
      throw new InvalidValueException(
          "severity.painScore", painScore, "an integer from " + MIN_NRS + " to " + MAX_NRS);
    }
    if (category == null) {
      category = SeverityCategory.ofPainScore(painScore);
    }
  }

  public static Severity ofPainScore(int nrs) {
    return new Severity(nrs, null);
  }

  public static Severity of(SeverityCategory category) {
    return new Severity(null, category);
  }

  public Optional<Integer> score() {
    return Optional.ofNullable(painScore);
  }
}
