package app.lumbra.condition.persistence;

import app.lumbra.condition.domain.StructuralFinding;
import app.lumbra.condition.domain.StructuralFindingRepository;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaStructuralFindingRepository implements StructuralFindingRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaStructuralFindingRepository() {}

  JpaStructuralFindingRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<StructuralFinding> find(String id) {
    return Optional.ofNullable(em.find(StructuralFinding.class, id));
  }

  @Override
  public List<StructuralFinding> currentFor(PatientId patient) {
    return em.createQuery(
            "select f from StructuralFinding f where f.patientId = :patient and f.current = true"
                + " order by f.recordedAt, f.id",
            StructuralFinding.class)
        .setParameter("patient", patient.value())
        .getResultList();
  }

  @Override
  public void add(StructuralFinding finding) {
    em.persist(finding);
  }
}
