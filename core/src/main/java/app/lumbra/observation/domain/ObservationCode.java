package app.lumbra.observation.domain;

/** What a symptom reading measures (OBS-1, OBS-2). The code names are the coordination contract. */
public enum ObservationCode {
  PAIN,
  STIFFNESS,
  SPASM,
  LEG_PAIN,
  OSWESTRY,
  ROLAND_MORRIS,
  DAILY_ACTIVITY_DIFFICULTY;

  /** OBS-4: unknown codes are rejected naming the allowed ones. */
  public static ObservationCode fromCode(String code) {
    return Codes.parse(ObservationCode.class, "code", code);
  }
}
