package app.lumbra.outcome.domain;

import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.shared.InvalidValueException;

/** OUT-1, OUT-2, OUT-5: the function questionnaires a reassessment or a patient report records. */
public enum FunctionQuestionnaire {
  OSWESTRY,
  ROLAND_MORRIS;

  public static final String FIELD = "functionMeasure";

  /** Parses a code, rejecting a missing or unknown one with the allowed codes. */
  public static FunctionQuestionnaire fromCode(String code) {
    if (code != null) {
      for (FunctionQuestionnaire questionnaire : values()) {
        if (questionnaire.name().equals(code.strip())) {
          return questionnaire;
        }
      }
    }
    throw new InvalidValueException(FIELD, code, "OSWESTRY or ROLAND_MORRIS");
  }

  /** The total score as a reading, checked against the questionnaire's range (OBS-4). */
  public SymptomReading reading(Integer score) {
    return this == OSWESTRY ? OswestryScore.parse(score) : RolandMorrisScore.parse(score);
  }
}
