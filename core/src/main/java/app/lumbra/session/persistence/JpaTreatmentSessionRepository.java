package app.lumbra.session.persistence;

import app.lumbra.session.domain.TreatmentSession;
import app.lumbra.session.domain.TreatmentSessionRepository;
import app.lumbra.shared.Database;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaTreatmentSessionRepository implements TreatmentSessionRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaTreatmentSessionRepository() {}

  JpaTreatmentSessionRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(TreatmentSession session) {
    em.persist(session);
    flush(session);
  }

  @Override
  public void flush(TreatmentSession session) {
    try {
      em.flush();
    } catch (OptimisticLockException stale) {
      // Someone committed between our read and this write; the stored version is at least ours + 1.
      throw new VersionConflictException(
          "TreatmentSession", session.id(), session.version(), session.version() + 1);
    }
  }

  @Override
  public Optional<TreatmentSession> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(TreatmentSession.class, id));
  }

  @Override
  public List<TreatmentSession> forPlan(String carePlanId) {
    return em.createQuery(
            "select s from TreatmentSession s where s.carePlanId = :plan"
                + " order by s.scheduledAt, s.id",
            TreatmentSession.class)
        .setParameter("plan", carePlanId)
        .getResultList();
  }

  @Override
  public List<TreatmentSession> forPatient(String patientId) {
    return em.createQuery(
            "select s from TreatmentSession s where s.patientId = :patient"
                + " order by s.scheduledAt, s.id",
            TreatmentSession.class)
        .setParameter("patient", patientId)
        .getResultList();
  }
}
