package app.lumbra.homecare.persistence;

import app.lumbra.homecare.domain.HomeCareLogRepository;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA home-care log repository. */
public final class JpaHomeCareRepositories {

  private JpaHomeCareRepositories() {}

  public static HomeCareLogRepository on(EntityManager em) {
    return new JpaHomeCareLogRepository(em);
  }
}
