package app.lumbra.session.persistence;

import app.lumbra.session.domain.TreatmentSessionRepository;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA session repository. */
public final class JpaSessionRepositories {

  private JpaSessionRepositories() {}

  public static TreatmentSessionRepository on(EntityManager em) {
    return new JpaTreatmentSessionRepository(em);
  }
}
