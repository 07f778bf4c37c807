package app.lumbra.session.domain;

import app.lumbra.shared.SessionLength;

/** The length of a performed session, checked against PLAN-5 by {@link SessionLength}. */
public record SessionDuration(int minutes) {
  public static final String FIELD = "durationMinutes";

  public SessionDuration {
    SessionLength.check(FIELD, minutes);
  }

  public static SessionDuration ofMinutes(int minutes) {
    return new SessionDuration(minutes);
  }
}
