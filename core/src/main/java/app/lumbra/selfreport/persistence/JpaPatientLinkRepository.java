package app.lumbra.selfreport.persistence;

import app.lumbra.selfreport.domain.PatientLink;
import app.lumbra.selfreport.domain.PatientLinkRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaPatientLinkRepository implements PatientLinkRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaPatientLinkRepository() {}

  JpaPatientLinkRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(PatientLink link) {
    em.persist(link);
  }

  @Override
  public Optional<PatientLink> byTokenHash(String tokenHash) {
    return Optional.ofNullable(em.find(PatientLink.class, tokenHash));
  }

  @Override
  public List<PatientLink> forPlan(String carePlanId) {
    return em.createQuery(
            "select l from PatientLink l where l.carePlanId = :plan order by l.issuedAt desc",
            PatientLink.class)
        .setParameter("plan", carePlanId)
        .getResultList();
  }
}
