package app.lumbra.outcome.persistence;

import app.lumbra.outcome.domain.DischargeSummaryRepository;
import app.lumbra.outcome.domain.ReassessmentRepository;
import jakarta.persistence.EntityManager;

/** Lets tests of other modules use the package-private JPA outcome repositories. */
public final class JpaOutcomeRepositories {

  private JpaOutcomeRepositories() {}

  public static ReassessmentRepository reassessmentsOn(EntityManager em) {
    return new JpaReassessmentRepository(em);
  }

  public static DischargeSummaryRepository summariesOn(EntityManager em) {
    return new JpaDischargeSummaryRepository(em);
  }
}
