package app.lumbra.alert.persistence;

import app.lumbra.alert.domain.AlertRepository;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA alert repository. */
public final class JpaAlertRepositories {

  private JpaAlertRepositories() {}

  public static AlertRepository on(EntityManager em) {
    return new JpaAlertRepository(em);
  }
}
