package app.lumbra.session.persistence;

import app.lumbra.session.domain.SessionCriteria;
import app.lumbra.session.domain.TreatmentSession;
import app.lumbra.session.domain.TreatmentSessionRepository;
import app.lumbra.shared.Database;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.shared.persistence.Jpql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  public List<TreatmentSession> search(SessionCriteria criteria, int offset, int limit) {
    String order =
        switch (criteria.order()) {
          case DATE -> " order by coalesce(s.performedAt, s.scheduledAt), s.id";
          case DATE_DESCENDING -> " order by coalesce(s.performedAt, s.scheduledAt) desc, s.id";
          case STATUS -> " order by s.status, coalesce(s.performedAt, s.scheduledAt), s.id";
          case STATUS_DESCENDING ->
              " order by s.status desc, coalesce(s.performedAt, s.scheduledAt), s.id";
          case LAST_UPDATED -> " order by s.updatedAt, s.id";
          case LAST_UPDATED_DESCENDING -> " order by s.updatedAt desc, s.id";
        };
    return matching(criteria, "select s", order, TreatmentSession.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(SessionCriteria criteria) {
    return matching(criteria, "select count(s)", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> matching(
      SessionCriteria criteria, String select, String orderBy, Class<T> type) {
    StringBuilder jpql = new StringBuilder();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (criteria.patientId() != null) {
      jpql.append(" and s.patientId = :patient");
      parameters.put("patient", criteria.patientId());
    }
    if (!criteria.carePlanIds().isEmpty()) {
      jpql.append(" and s.carePlanId in :plans");
      parameters.put("plans", List.copyOf(criteria.carePlanIds()));
    }
    if (!criteria.statuses().isEmpty()) {
      jpql.append(" and s.status in :statuses");
      parameters.put("statuses", List.copyOf(criteria.statuses()));
    }
    if (criteria.from() != null) {
      jpql.append(" and coalesce(s.performedAt, s.scheduledAt) >= :from");
      parameters.put("from", criteria.from());
    }
    if (criteria.before() != null) {
      jpql.append(" and coalesce(s.performedAt, s.scheduledAt) < :before");
      parameters.put("before", criteria.before());
    }
    TypedQuery<T> query =
        em.createQuery(select + " from TreatmentSession s" + Jpql.where(jpql) + orderBy, type);
    parameters.forEach(query::setParameter);
    return query;
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
