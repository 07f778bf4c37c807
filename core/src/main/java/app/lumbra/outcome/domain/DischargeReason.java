package app.lumbra.outcome.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why a plan ended with a discharge (OUT-3): the triggers, and the clinician's own reasons. */
public enum DischargeReason {
  GOAL_MET("the goal was met"),
  RECOVERED("the patient has recovered"),
  NON_RESPONSE("no clinically important improvement, even after a review of the plan"),
  MAINTENANCE_REVIEW("the maintenance review found no reason to continue"),
  REFERRED("referred on for other care"),
  PATIENT_CHOICE("the patient chose to stop"),
  OTHER("another reason (see the note)");

  public static final String FIELD = "reason";

  private final String text;

  DischargeReason(String text) {
    this.text = text;
  }

  /** The reason in a clinician's words, as it reads after "Discharged because". */
  public String text() {
    return text;
  }

  /** Parses a code, rejecting an unknown one with the allowed codes. */
  public static DischargeReason fromCode(String code) {
    if (code != null) {
      for (DischargeReason reason : values()) {
        if (reason.name().equals(code.strip().toUpperCase(Locale.ROOT))) {
          return reason;
        }
      }
    }
    throw new InvalidValueException(
        FIELD,
        code,
        "one of " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
