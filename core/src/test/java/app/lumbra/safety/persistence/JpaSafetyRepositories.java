package app.lumbra.safety.persistence;

import app.lumbra.careplan.application.CarePlanOwners;
import app.lumbra.careplan.persistence.JpaCarePlanRepositories;
import app.lumbra.context.persistence.JpaContextRepositories;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.safety.domain.AdverseResponseRepository;
import app.lumbra.safety.domain.ContraindicationChecklistRepository;
import app.lumbra.safety.domain.RedFlagScreenRepository;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** Lets tests of other modules use the package-private JPA safety repositories. */
public final class JpaSafetyRepositories {

  private JpaSafetyRepositories() {}

  public static RedFlagScreenRepository screensOn(EntityManager em) {
    return new JpaRedFlagScreenRepository(em);
  }

  public static ContraindicationChecklistRepository checklistsOn(EntityManager em) {
    return new JpaContraindicationChecklistRepository(em);
  }

  public static AdverseResponseRepository responsesOn(EntityManager em) {
    return new JpaAdverseResponseRepository(em);
  }

  /** The safety service on the real repositories of {@code em}. */
  public static SafetyService serviceOn(EntityManager em, Clock clock) {
    return new SafetyService(
        screensOn(em),
        checklistsOn(em),
        responsesOn(em),
        JpaContextRepositories.on(em),
        JpaPatientRepositories.on(em),
        new CarePlanOwners(JpaCarePlanRepositories.on(em)),
        clock);
  }
}
