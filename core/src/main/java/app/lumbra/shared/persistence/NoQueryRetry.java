package app.lumbra.shared.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that fails for want of the database, outside a transaction, up to
 * three times, five seconds apart. Lumbra answers a database outage at once with 503 and lets the
 * client retry (the resilience test: a refused request within five seconds), so EclipseLink does
 * not retry: a read during an outage failed only after ten seconds.
 */
public class NoQueryRetry implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
