package app.lumbra.outcome.persistence;

import app.lumbra.outcome.domain.DischargeSummary;
import app.lumbra.outcome.domain.DischargeSummaryRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
class JpaDischargeSummaryRepository implements DischargeSummaryRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaDischargeSummaryRepository() {}

  JpaDischargeSummaryRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(DischargeSummary summary) {
    em.persist(summary);
  }

  @Override
  public Optional<DischargeSummary> forPlan(String carePlanId) {
    return Optional.ofNullable(em.find(DischargeSummary.class, carePlanId));
  }
}
