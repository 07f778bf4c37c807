package app.lumbra.condition.persistence;

import app.lumbra.condition.domain.ConditionRepository;
import app.lumbra.condition.domain.StructuralFindingRepository;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA condition repository. */
public final class JpaConditionRepositories {

  private JpaConditionRepositories() {}

  public static ConditionRepository on(EntityManager em) {
    return new JpaConditionRepository(em);
  }

  public static StructuralFindingRepository findingsOn(EntityManager em) {
    return new JpaStructuralFindingRepository(em);
  }
}
