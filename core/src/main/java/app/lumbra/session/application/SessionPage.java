package app.lumbra.session.application;

import java.util.List;

/** One page of a session search: the sessions, where the page starts and how many match. */
public record SessionPage(List<SessionView> sessions, int offset, int limit, long total) {

  public SessionPage {
    sessions = List.copyOf(sessions);
  }
}
