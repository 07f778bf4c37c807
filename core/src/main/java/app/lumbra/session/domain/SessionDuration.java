package app.lumbra.session.domain;

import app.lumbra.shared.SessionLength;

/**
 * The length of a session. A performed session's length is what happened: any plausible length is
 * kept, and one outside PLAN-5 carries a warning ({@link SessionLength#warning}); a planned length
 * must keep to PLAN-5 ({@link #planned}).
 */
public record SessionDuration(int minutes) {
  public static final String FIELD = "durationMinutes";

  public SessionDuration {
    SessionLength.checkRecorded(FIELD, minutes);
  }

  /** A planned length, which PLAN-5 bounds to 30–60 minutes. */
  public static SessionDuration planned(int minutes) {
    return new SessionDuration(SessionLength.check(FIELD, minutes));
  }

  public boolean withinPlannedRange() {
    return SessionLength.warning(minutes).isEmpty();
  }

  public static SessionDuration ofMinutes(int minutes) {
    return new SessionDuration(minutes);
  }
}
