package app.lumbra.condition.persistence;

import app.lumbra.condition.domain.Condition;
import app.lumbra.condition.domain.ConditionId;
import app.lumbra.condition.domain.ConditionOrder;
import app.lumbra.condition.domain.ConditionRepository;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.Database;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaConditionRepository implements ConditionRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaConditionRepository() {}

  JpaConditionRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Condition> find(ConditionId id) {
    return Optional.ofNullable(em.find(Condition.class, id.value()));
  }

  @Override
  public List<Condition> listForPatient(PatientId patient) {
    return em.createQuery(
            "select c from Condition c where c.patientId = :patient"
                + " order by c.onsetDate desc nulls last, c.id",
            Condition.class)
        .setParameter("patient", patient.value())
        .getResultList();
  }

  @Override
  public List<Condition> search(PatientId patient, ConditionOrder order, int offset, int limit) {
    String where = patient == null ? "" : " where c.patientId = :patient";
    String orderBy =
        switch (order) {
          // Conditions whose onset is not known (FHIR-6) come last either way, on every database.
          case ONSET -> " order by c.onsetDate asc nulls last, c.id";
          case ONSET_DESCENDING -> " order by c.onsetDate desc nulls last, c.id";
          case RECORDED -> " order by c.recordedAt, c.id";
          case RECORDED_DESCENDING -> " order by c.recordedAt desc, c.id";
          case LAST_UPDATED -> " order by c.updatedAt, c.id";
          case LAST_UPDATED_DESCENDING -> " order by c.updatedAt desc, c.id";
        };
    TypedQuery<Condition> query =
        em.createQuery("select c from Condition c" + where + orderBy, Condition.class);
    if (patient != null) {
      query.setParameter("patient", patient.value());
    }
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(PatientId patient) {
    String where = patient == null ? "" : " where c.patientId = :patient";
    TypedQuery<Long> query = em.createQuery("select count(c) from Condition c" + where, Long.class);
    if (patient != null) {
      query.setParameter("patient", patient.value());
    }
    return query.getSingleResult();
  }

  @Override
  public void add(Condition condition) {
    em.persist(condition);
    flush(condition);
  }

  @Override
  public void flush(Condition condition) {
    try {
      em.flush();
    } catch (OptimisticLockException stale) {
      // Someone committed between our read and this write; the stored version is at least ours + 1.
      throw new VersionConflictException(
          "Condition", condition.id(), condition.version(), condition.version() + 1);
    }
  }
}
