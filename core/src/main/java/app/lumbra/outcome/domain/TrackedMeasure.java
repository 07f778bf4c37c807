package app.lumbra.outcome.domain;

import app.lumbra.observation.domain.ObservationCode;
import java.util.Optional;

/**
 * The measures OUT-1 trends, in the order a clinician reads them: pain, the two function
 * questionnaires, then the other symptoms. Lower is better for all of them.
 */
public enum TrackedMeasure {
  PAIN(ObservationCode.PAIN, "pain", false),
  OSWESTRY(ObservationCode.OSWESTRY, "Oswestry disability (ODI)", true),
  ROLAND_MORRIS(ObservationCode.ROLAND_MORRIS, "Roland–Morris disability (RMDQ)", true),
  STIFFNESS(ObservationCode.STIFFNESS, "stiffness", false),
  SPASM(ObservationCode.SPASM, "muscle spasms", false),
  LEG_PAIN(ObservationCode.LEG_PAIN, "shooting leg pain", false),
  DAILY_ACTIVITY_DIFFICULTY(
      ObservationCode.DAILY_ACTIVITY_DIFFICULTY, "difficulty of daily activities", false),
  MEDICATION_USE(ObservationCode.MEDICATION_USE, "pain medication (doses a day)", false);

  private final ObservationCode code;
  private final String label;
  private final boolean function;

  TrackedMeasure(ObservationCode code, String label, boolean function) {
    this.code = code;
    this.label = label;
    this.function = function;
  }

  public ObservationCode code() {
    return code;
  }

  /** The measure in a clinician's words, lower case where it runs in a sentence. */
  public String label() {
    return label;
  }

  /** ODI and RMDQ: the function measures of OUT-1. */
  public boolean isFunction() {
    return function;
  }

  public static Optional<TrackedMeasure> of(ObservationCode code) {
    for (TrackedMeasure measure : values()) {
      if (measure.code == code) {
        return Optional.of(measure);
      }
    }
    return Optional.empty();
  }
}
