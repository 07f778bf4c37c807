package app.lumbra.archive.persistence;

import app.lumbra.archive.domain.KeptDocuments;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA kept documents. */
public final class JpaArchiveRepositories {

  private JpaArchiveRepositories() {}

  public static KeptDocuments keptDocumentsOn(EntityManager em) {
    return new JpaKeptDocuments(em);
  }
}
