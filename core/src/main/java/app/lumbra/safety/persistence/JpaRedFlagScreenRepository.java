package app.lumbra.safety.persistence;

import app.lumbra.safety.domain.RedFlagScreen;
import app.lumbra.safety.domain.RedFlagScreenRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaRedFlagScreenRepository implements RedFlagScreenRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaRedFlagScreenRepository() {}

  JpaRedFlagScreenRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(RedFlagScreen screen) {
    em.persist(screen);
  }

  @Override
  public Optional<RedFlagScreen> currentFor(String carePlanId) {
    List<RedFlagScreen> all = forPlan(carePlanId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  @Override
  public List<RedFlagScreen> forPlan(String carePlanId) {
    return em.createQuery(
            "select s from RedFlagScreen s where s.carePlanId = :plan"
                + " order by s.screenedAt, s.id",
            RedFlagScreen.class)
        .setParameter("plan", carePlanId)
        .getResultList();
  }
}
