package app.lumbra.session.domain;

import app.lumbra.shared.InvalidValueException;

/**
 * PLAN-5: a massage session lasts 30–60 minutes; anything else is rejected. (The care plan module
 * checks planned durations with the same bounds.)
 */
public record SessionDuration(int minutes) {
  public static final String FIELD = "durationMinutes";
  public static final int MIN_MINUTES = 30;
  public static final int MAX_MINUTES = 60;

  public SessionDuration {
    if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
      throw new InvalidValueException(
          FIELD,
          minutes,
          "PLAN-5: from " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes per session");
    }
  }

  public static SessionDuration ofMinutes(int minutes) {
    return new SessionDuration(minutes);
  }
}
