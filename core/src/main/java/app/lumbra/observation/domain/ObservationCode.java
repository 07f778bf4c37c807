package app.lumbra.observation.domain;

import app.lumbra.shared.Codes;

/**
 * What a symptom reading measures (OBS-1, OBS-2), each with its {@link Measure}: the one place that
 * says its value type, range and unit. The code names are the coordination contract.
 */
public enum ObservationCode {
  PAIN(
      Measure.score(
          PainScore.FIELD,
          PainScore.MIN,
          PainScore.MAX,
          Measure.SCORE_UNIT,
          stored -> PainScore.of(stored.score()))),
  STIFFNESS(
      Measure.score(
          StiffnessScore.FIELD,
          StiffnessScore.MIN,
          StiffnessScore.MAX,
          Measure.SCORE_UNIT,
          stored -> StiffnessScore.of(stored.score(), Boolean.TRUE.equals(stored.morning())))),
  SPASM(
      Measure.category(SpasmFrequency.FIELD, stored -> SpasmFrequency.fromCode(stored.category()))),
  LEG_PAIN(Measure.category(LegPain.FIELD, stored -> LegPain.of(stored.category(), stored.side()))),
  OSWESTRY(
      Measure.score(
          OswestryScore.FIELD,
          OswestryScore.MIN,
          OswestryScore.MAX,
          "%",
          stored -> OswestryScore.of(stored.score()))),
  ROLAND_MORRIS(
      Measure.score(
          RolandMorrisScore.FIELD,
          RolandMorrisScore.MIN,
          RolandMorrisScore.MAX,
          Measure.SCORE_UNIT,
          stored -> RolandMorrisScore.of(stored.score()))),
  DAILY_ACTIVITY_DIFFICULTY(
      Measure.score(
          DailyActivityDifficulty.FIELD,
          DailyActivityDifficulty.MIN,
          DailyActivityDifficulty.MAX,
          Measure.SCORE_UNIT,
          stored -> DailyActivityDifficulty.of(stored.score()))),
  MEDICATION_USE(
      Measure.score(
          MedicationUse.FIELD,
          MedicationUse.MIN,
          MedicationUse.MAX,
          "{dose}",
          stored -> MedicationUse.of(stored.score())));

  private final Measure measure;

  ObservationCode(Measure measure) {
    this.measure = measure;
  }

  /** What this measure is: value type, range, unit, and how its reading is rebuilt. */
  public Measure measure() {
    return measure;
  }

  /** OBS-4: unknown codes are rejected naming the allowed ones. */
  public static ObservationCode fromCode(String code) {
    return Codes.parse(ObservationCode.class, "code", code);
  }
}
