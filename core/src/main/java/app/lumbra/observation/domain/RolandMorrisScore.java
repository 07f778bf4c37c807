package app.lumbra.observation.domain;

/** OBS-2: Roland–Morris Disability Questionnaire score, 0–24. */
public record RolandMorrisScore(int value) implements SymptomReading {
  public static final String FIELD = "rolandMorris";
  public static final int MIN = 0;
  public static final int MAX = 24;

  public RolandMorrisScore {
    Scores.inRange(FIELD, value, MIN, MAX);
  }

  public static RolandMorrisScore of(int value) {
    return new RolandMorrisScore(value);
  }

  public static RolandMorrisScore parse(Object raw) {
    return new RolandMorrisScore(Scores.parse(FIELD, raw, MIN, MAX));
  }

  @Override
  public Measure.Stored stored() {
    return Measure.Stored.score(value);
  }

  @Override
  public ObservationCode code() {
    return ObservationCode.ROLAND_MORRIS;
  }
}
