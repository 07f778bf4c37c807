package app.lumbra.context.persistence;

import app.lumbra.context.domain.ContextRecords;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA context records. */
public final class JpaContextRepositories {

  private JpaContextRepositories() {}

  public static ContextRecords on(EntityManager em) {
    return new JpaContextRecords(em);
  }
}
