package app.lumbra.shared;

import java.util.Optional;

/**
 * PLAN-5: a massage session lasts 30 to 60 minutes, whether planned or performed. The one place of
 * these bounds: the care plan's phases and planned sessions and the recorded treatment sessions all
 * check through it.
 */
public final class SessionLength {
  public static final int MIN_MINUTES = 30;
  public static final int MAX_MINUTES = 60;

  /** How the allowed values read in an error message. */
  public static final String ALLOWED =
      "from " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes per session (PLAN-5)";

  /**
   * The longest session that can be recorded as having taken place; beyond it the value is a typo
   * (OBS-4), not a long session.
   */
  public static final int RECORDED_MAX_MINUTES = 480;

  /** How the allowed values of a performed session read in an error message. */
  public static final String RECORDED_ALLOWED =
      "from 1 to "
          + RECORDED_MAX_MINUTES
          + " minutes; a session outside the planned "
          + MIN_MINUTES
          + " to "
          + MAX_MINUTES
          + " minutes is recorded with a warning";

  private SessionLength() {}

  /**
   * Returns the minutes a session really lasted when they are plausible. Recording what happened is
   * never blocked by the planning rule: a length outside PLAN-5 is kept and {@link #warning} says
   * so.
   *
   * @throws InvalidValueException naming {@code field} when the value cannot be a session's length
   */
  public static int checkRecorded(String field, int minutes) {
    if (minutes < 1 || minutes > RECORDED_MAX_MINUTES) {
      throw new InvalidValueException(field, minutes, RECORDED_ALLOWED);
    }
    return minutes;
  }

  /** PLAN-5: the warning for a performed session outside the planned range, if any. */
  public static Optional<String> warning(int minutes) {
    if (minutes >= MIN_MINUTES && minutes <= MAX_MINUTES) {
      return Optional.empty();
    }
    return Optional.of(
        "The session lasted "
            + minutes
            + " minutes, "
            + (minutes > MAX_MINUTES ? "longer" : "shorter")
            + " than the "
            + MIN_MINUTES
            + " to "
            + MAX_MINUTES
            + " minutes sessions are planned for (PLAN-5). Recorded as it happened.");
  }

  /**
   * Returns {@code minutes} when it is allowed.
   *
   * @throws InvalidValueException naming {@code field} and the range otherwise
   */
  public static int check(String field, int minutes) {
    if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
      throw new InvalidValueException(field, minutes, ALLOWED);
    }
    return minutes;
  }
}
