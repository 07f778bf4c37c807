package app.lumbra.shared;

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

  private SessionLength() {}

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
