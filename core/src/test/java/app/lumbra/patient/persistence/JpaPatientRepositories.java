package app.lumbra.patient.persistence;

import app.lumbra.patient.domain.PatientRepository;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA patient repository. */
public final class JpaPatientRepositories {

  private JpaPatientRepositories() {}

  public static PatientRepository on(EntityManager em) {
    return new JpaPatientRepository(em);
  }
}
