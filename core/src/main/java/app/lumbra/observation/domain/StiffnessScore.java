package app.lumbra.observation.domain;

/** OBS-2: muscle tightness / stiffness 0–10; {@code morning} marks morning stiffness. */
public record StiffnessScore(int value, boolean morning) implements SymptomReading {
  public static final String FIELD = "stiffness";
  public static final int MIN = 0;
  public static final int MAX = 10;

  public StiffnessScore {
    Scores.inRange(FIELD, value, MIN, MAX);
  }

  public static StiffnessScore of(int value, boolean morning) {
    return new StiffnessScore(value, morning);
  }

  public static StiffnessScore parse(Object raw, boolean morning) {
    return new StiffnessScore(Scores.parse(FIELD, raw, MIN, MAX), morning);
  }

  @Override
  public Measure.Stored stored() {
    return new Measure.Stored(value, null, morning, null);
  }

  @Override
  public ObservationCode code() {
    return ObservationCode.STIFFNESS;
  }
}
