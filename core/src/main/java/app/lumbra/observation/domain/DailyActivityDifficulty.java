package app.lumbra.observation.domain;

/** OBS-2: difficulty of daily activities, 0 (none) to 10 (impossible). */
public record DailyActivityDifficulty(int value) implements SymptomReading {
  public static final String FIELD = "dailyActivityDifficulty";
  public static final int MIN = 0;
  public static final int MAX = 10;

  public DailyActivityDifficulty {
    Scores.inRange(FIELD, value, MIN, MAX);
  }

  public static DailyActivityDifficulty of(int value) {
    return new DailyActivityDifficulty(value);
  }

  public static DailyActivityDifficulty parse(Object raw) {
    return new DailyActivityDifficulty(Scores.parse(FIELD, raw, MIN, MAX));
  }

  @Override
  public Measure.Stored stored() {
    return Measure.Stored.score(value);
  }

  @Override
  public ObservationCode code() {
    return ObservationCode.DAILY_ACTIVITY_DIFFICULTY;
  }
}
