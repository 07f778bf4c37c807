package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;

/**
 * The thresholds PRODUCT.md marks as <em>default</em>, plus the project's own scheduling choices:
 * configuration, not code constants. Built from MicroProfile Config by the application layer and
 * handed to the domain as a plain object, so unit tests need no container.
 *
 * @param acuteSevereNrs PLAN-3: pain score from which acute / flare-up pain counts as severe (7)
 * @param intensiveGapHours PLAN-6: hours after a deep-tissue / trigger-point session, whatever
 *     comes next (72)
 * @param lightGapHours PLAN-6: hours between any other two sessions (24)
 * @param sessionMinutes minutes of a recommended session, within PLAN-5 (45)
 * @param taperStepWeeks weeks of each taper step (2)
 * @param scheduleWeeks how far ahead concrete sessions are scheduled from the plan start (26)
 */
public record CarePolicySettings(
    int acuteSevereNrs,
    int intensiveGapHours,
    int lightGapHours,
    int sessionMinutes,
    int taperStepWeeks,
    int scheduleWeeks) {

  /** The defaults of PRODUCT.md and the project. */
  public static final CarePolicySettings DEFAULTS = new CarePolicySettings(7, 72, 24, 45, 2, 26);

  public CarePolicySettings {
    requireBetween("acuteSevereNrs", acuteSevereNrs, 0, 10);
    requireBetween("intensiveGapHours", intensiveGapHours, 1, 24 * 14);
    requireBetween("lightGapHours", lightGapHours, 1, intensiveGapHours);
    CarePolicy.checkSessionMinutes(sessionMinutes);
    requireBetween("taperStepWeeks", taperStepWeeks, 1, 8);
    requireBetween("scheduleWeeks", scheduleWeeks, 4, 104);
  }

  private static void requireBetween(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidValueException(field, value, min + " to " + max);
    }
  }
}
