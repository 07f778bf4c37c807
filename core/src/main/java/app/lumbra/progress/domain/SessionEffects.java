package app.lumbra.progress.domain;

import java.util.List;

/** PROG-1 Session effect: per session, post − pre pain. */
public final class SessionEffects {

  private SessionEffects() {}

  /** The effect of every attended session that has both scores, in the order they happened. */
  public static List<SessionEffect> of(List<SessionFact> sessions) {
    return sessions.stream()
        .filter(SessionFact::attended)
        .filter(session -> session.prePain() != null && session.postPain() != null)
        .map(
            session ->
                new SessionEffect(
                    session.sessionId(),
                    session.attendedAt(),
                    session.prePain().value(),
                    session.postPain().value(),
                    session.postPain().value() - session.prePain().value()))
        .toList();
  }
}
