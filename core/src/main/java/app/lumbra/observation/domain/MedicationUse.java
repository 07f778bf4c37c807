package app.lumbra.observation.domain;

/**
 * OUT-5: doses of pain medication taken in the last 24 hours, 0 to 20, as the patient reports them.
 * The seeds say massage may reduce reliance on medication, so its use is trended.
 */
public record MedicationUse(int doses) implements SymptomReading {
  public static final String FIELD = "medicationDoses";
  public static final int MIN = 0;
  public static final int MAX = 20;

  public MedicationUse {
    Scores.inRange(FIELD, doses, MIN, MAX);
  }

  public static MedicationUse of(int doses) {
    return new MedicationUse(doses);
  }

  public static MedicationUse parse(Object raw) {
    return new MedicationUse(Scores.parse(FIELD, raw, MIN, MAX));
  }

  @Override
  public Measure.Stored stored() {
    return Measure.Stored.score(doses);
  }

  @Override
  public ObservationCode code() {
    return ObservationCode.MEDICATION_USE;
  }
}
