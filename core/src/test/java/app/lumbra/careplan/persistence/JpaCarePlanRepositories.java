package app.lumbra.careplan.persistence;

import app.lumbra.careplan.domain.CarePlanRepository;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA care plan repository. */
public final class JpaCarePlanRepositories {

  private JpaCarePlanRepositories() {}

  public static CarePlanRepository on(EntityManager em) {
    return new JpaCarePlanRepository(em);
  }
}
