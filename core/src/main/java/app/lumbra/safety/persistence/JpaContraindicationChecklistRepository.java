package app.lumbra.safety.persistence;

import app.lumbra.safety.domain.ContraindicationChecklist;
import app.lumbra.safety.domain.ContraindicationChecklistRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
class JpaContraindicationChecklistRepository implements ContraindicationChecklistRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaContraindicationChecklistRepository() {}

  JpaContraindicationChecklistRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(ContraindicationChecklist checklist) {
    em.persist(checklist);
  }

  @Override
  public Optional<ContraindicationChecklist> currentFor(String patientId) {
    return em.createQuery(
            "select c from ContraindicationChecklist c where c.patientId = :patient"
                + " order by c.recordedAt desc, c.id desc",
            ContraindicationChecklist.class)
        .setParameter("patient", patientId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
