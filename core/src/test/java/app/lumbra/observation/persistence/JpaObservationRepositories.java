package app.lumbra.observation.persistence;

import app.lumbra.observation.domain.SymptomObservationRepository;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA observation repository. */
public final class JpaObservationRepositories {

  private JpaObservationRepositories() {}

  public static SymptomObservationRepository on(EntityManager em) {
    return new JpaSymptomObservationRepository(em);
  }
}
