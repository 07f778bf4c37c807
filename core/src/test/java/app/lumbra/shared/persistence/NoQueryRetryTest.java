package app.lumbra.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.Test;

class NoQueryRetryTest {

  @Test
  void thePersistenceUnitDoesNotRetryReadsWhenTheDatabaseIsUnreachable() {
    try (JpaTestDatabase db = JpaTestDatabase.h2()) {
      EntityManager em = db.entityManager();
      DatabaseLogin login = (DatabaseLogin) em.unwrap(Session.class).getDatasourceLogin();
      assertThat(login.getQueryRetryAttemptCount()).isZero();
      assertThat(login.getDelayBetweenConnectionAttempts()).isZero();
      em.close();
    }
  }
}
