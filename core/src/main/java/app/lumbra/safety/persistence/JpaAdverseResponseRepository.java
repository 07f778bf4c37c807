package app.lumbra.safety.persistence;

import app.lumbra.safety.domain.AdverseResponse;
import app.lumbra.safety.domain.AdverseResponseRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
class JpaAdverseResponseRepository implements AdverseResponseRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaAdverseResponseRepository() {}

  JpaAdverseResponseRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(AdverseResponse response) {
    em.persist(response);
  }

  @Override
  public List<AdverseResponse> forPlan(String carePlanId) {
    return em.createQuery(
            "select r from AdverseResponse r where r.carePlanId = :plan"
                + " order by r.noticedOn, r.id",
            AdverseResponse.class)
        .setParameter("plan", carePlanId)
        .getResultList();
  }
}
