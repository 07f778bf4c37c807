package app.lumbra.outcome.persistence;

import app.lumbra.outcome.domain.Reassessment;
import app.lumbra.outcome.domain.ReassessmentRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
class JpaReassessmentRepository implements ReassessmentRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaReassessmentRepository() {}

  JpaReassessmentRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(Reassessment reassessment) {
    em.persist(reassessment);
  }

  @Override
  public List<Reassessment> forPlan(String carePlanId) {
    return em.createQuery(
            "select r from Reassessment r where r.carePlanId = :plan"
                + " order by r.completedAt, r.id",
            Reassessment.class)
        .setParameter("plan", carePlanId)
        .getResultList();
  }
}
