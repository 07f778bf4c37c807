package app.lumbra.observation.domain;

/**
 * One validated value of one of the measures of OBS-1 and OBS-2. Every implementation checks its
 * range on construction (OBS-4), so holding one means the value is valid.
 */
public sealed interface SymptomReading
    permits PainScore,
        StiffnessScore,
        SpasmFrequency,
        LegPain,
        OswestryScore,
        RolandMorrisScore,
        DailyActivityDifficulty,
        MedicationUse {

  /** The measure this reading belongs to. */
  ObservationCode code();

  /** The reading as it is stored; {@code code().measure().read(stored())} gives it back. */
  Measure.Stored stored();
}
