package app.lumbra.careplan.domain;

/** How firm the patient wants the massage; chooses the techniques of a recommended plan. */
public enum IntensityPreference {
  GENTLE,
  MODERATE,
  FIRM
}
