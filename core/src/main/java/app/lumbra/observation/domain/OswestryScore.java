package app.lumbra.observation.domain;

/** OBS-2: Oswestry Disability Index, 0–100 %, a whole number. */
public record OswestryScore(int percent) implements SymptomReading {
  public static final String FIELD = "oswestry";
  public static final int MIN = 0;
  public static final int MAX = 100;

  public OswestryScore {
    Scores.inRange(FIELD, percent, MIN, MAX);
  }

  public static OswestryScore of(int percent) {
    return new OswestryScore(percent);
  }

  public static OswestryScore parse(Object raw) {
    return new OswestryScore(Scores.parse(FIELD, raw, MIN, MAX));
  }

  @Override
  public Measure.Stored stored() {
    return Measure.Stored.score(percent);
  }

  @Override
  public ObservationCode code() {
    return ObservationCode.OSWESTRY;
  }
}
