package app.lumbra.observation.domain;

/** OBS-1: pain intensity on the 0–10 numeric rating scale (NRS), a whole number. */
public record PainScore(int value) implements SymptomReading, Comparable<PainScore> {
  public static final String FIELD = "pain";
  public static final int MIN = 0;
  public static final int MAX = 10;

  public PainScore {
    Scores.inRange(FIELD, value, MIN, MAX);
  }

  public static PainScore of(int value) {
    return new PainScore(value);
  }

  /** Like {@link #of} but a rejection names {@code field}, e.g. {@code prePain}. */
  public static PainScore of(String field, int value) {
    return new PainScore(Scores.inRange(field, value, MIN, MAX));
  }

  /** For values as they arrive at a boundary (text, decimal): rejects anything not 0–10 whole. */
  public static PainScore parse(Object raw) {
    return new PainScore(Scores.parse(FIELD, raw, MIN, MAX));
  }

  @Override
  public Measure.Stored stored() {
    return Measure.Stored.score(value);
  }

  @Override
  public ObservationCode code() {
    return ObservationCode.PAIN;
  }

  @Override
  public int compareTo(PainScore other) {
    return Integer.compare(value, other.value);
  }
}
