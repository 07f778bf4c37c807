package app.lumbra.observation.persistence;

import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.ObservationCriteria;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.observation.domain.SymptomObservationRepository;
import app.lumbra.shared.Database;
import app.lumbra.shared.persistence.Jpql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class JpaSymptomObservationRepository implements SymptomObservationRepository {

  private static final String READ_ONLY = "eclipselink.read-only";

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaSymptomObservationRepository() {}

  JpaSymptomObservationRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(SymptomObservation observation) {
    // No flush per reading. The readings of one transaction (a Bundle of 100) go to the
    // database together at commit, as one JDBC batch; queries in the same transaction still see
    // them (JPA flushes before a query). The domain has checked every value before this.
    em.persist(observation);
  }

  @Override
  public Optional<SymptomObservation> findForChange(String id) {
    return Optional.ofNullable(em.find(SymptomObservation.class, id));
  }

  @Override
  public Optional<SymptomObservation> find(String id) {
    return id == null
        ? Optional.empty()
        // Readings never change: read-only, so the result is not copied into the unit of work.
        : Optional.ofNullable(
            em.find(SymptomObservation.class, id, Map.of(READ_ONLY, Boolean.TRUE)));
  }

  @Override
  public List<SymptomObservation> withIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select o from SymptomObservation o where o.id in :ids", SymptomObservation.class)
        .setParameter("ids", List.copyOf(ids))
        .setHint(READ_ONLY, Boolean.TRUE)
        .getResultList();
  }

  @Override
  public List<SymptomObservation> search(ObservationCriteria criteria, int offset, int limit) {
    return matching(criteria, "select o", " order by o.effectiveAt, o.id", SymptomObservation.class)
        .setHint(READ_ONLY, Boolean.TRUE)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(ObservationCriteria criteria) {
    return matching(criteria, "select count(o)", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> matching(
      ObservationCriteria criteria, String select, String orderBy, Class<T> type) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> parameters = new LinkedHashMap<>();
    criteria.patient().ifPresent(id -> condition(where, parameters, "o.patientId", "patient", id));
    criteria.plan().ifPresent(id -> condition(where, parameters, "o.carePlanId", "plan", id));
    if (criteria.code() != null) {
      condition(where, parameters, "o.code", "code", criteria.code());
    }
    if (criteria.context() != null) {
      condition(where, parameters, "o.context", "context", criteria.context());
    }
    if (criteria.from() != null) {
      where.append(" and o.effectiveAt >= :from");
      parameters.put("from", criteria.from());
    }
    if (criteria.to() != null) {
      where.append(" and o.effectiveAt < :to");
      parameters.put("to", criteria.to());
    }
    TypedQuery<T> query =
        em.createQuery(select + " from SymptomObservation o" + Jpql.where(where) + orderBy, type);
    parameters.forEach(query::setParameter);
    return query;
  }

  @Override
  public List<SymptomObservation> search(ReadingCriteria criteria, int offset, int limit) {
    String order =
        switch (criteria.order()) {
          case EFFECTIVE -> " order by o.effectiveAt, o.id";
          case EFFECTIVE_DESCENDING -> " order by o.effectiveAt desc, o.id";
          case RECORDED -> " order by o.recordedAt, o.id";
          case RECORDED_DESCENDING -> " order by o.recordedAt desc, o.id";
        };
    if (criteria.order() == ReadingCriteria.ReadingOrder.EFFECTIVE
        && criteria.patientId() != null
        && criteria.codes().size() == 1) {
      // With one patient and one code this is the same order, and it is the order of the
      // index (patient_id, code, effective_at, id) (V6_1): the database reads the page from the
      // index instead of sorting all of the patient's readings of that code.
      order = " order by o.patientId, o.code, o.effectiveAt, o.id";
    }
    return matching(criteria, "select o", order, SymptomObservation.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(ReadingCriteria criteria) {
    // count(o) is COUNT(ID), and the id is not in the search indexes, so H2 read every
    // matching row to count it. patient_id is NOT NULL and leads the indexes of the patient
    // searches, so counting it counts the same rows from the index alone.
    return matching(criteria, "select count(o.patientId)", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> matching(
      ReadingCriteria criteria, String select, String orderBy, Class<T> type) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (criteria.patientId() != null) {
      condition(where, parameters, "o.patientId", "patient", criteria.patientId());
    }
    if (!criteria.carePlanIds().isEmpty()) {
      where.append(" and o.carePlanId in :plans");
      parameters.put("plans", List.copyOf(criteria.carePlanIds()));
    }
    if (!criteria.sessionIds().isEmpty()) {
      where.append(" and o.sessionId in :sessions");
      parameters.put("sessions", List.copyOf(criteria.sessionIds()));
    }
    if (!criteria.codes().isEmpty()) {
      where.append(" and o.code in :codes");
      parameters.put("codes", List.copyOf(criteria.codes()));
    }
    range(
        where,
        parameters,
        "o.effectiveAt",
        "effective",
        criteria.effectiveFrom(),
        criteria.effectiveBefore());
    range(
        where,
        parameters,
        "o.recordedAt",
        "recorded",
        criteria.recordedFrom(),
        criteria.recordedBefore());
    TypedQuery<T> query =
        em.createQuery(select + " from SymptomObservation o" + Jpql.where(where) + orderBy, type);
    parameters.forEach(query::setParameter);
    if (type == SymptomObservation.class) {
      // Search results are only mapped to views, so EclipseLink need not register and
      // clone each one for change tracking (a hot spot of the FHIR search in the profile).
      query.setHint(READ_ONLY, Boolean.TRUE);
    }
    return query;
  }

  private static void range(
      StringBuilder where,
      Map<String, Object> parameters,
      String path,
      String name,
      OffsetDateTime from,
      OffsetDateTime before) {
    if (from != null) {
      where.append(" and ").append(path).append(" >= :").append(name).append("From");
      parameters.put(name + "From", from);
    }
    if (before != null) {
      where.append(" and ").append(path).append(" < :").append(name).append("Before");
      parameters.put(name + "Before", before);
    }
  }

  private static void condition(
      StringBuilder where, Map<String, Object> parameters, String path, String name, Object value) {
    where.append(" and ").append(path).append(" = :").append(name);
    parameters.put(name, value);
  }

  @Override
  public List<SymptomObservation> forPlan(String carePlanId, ObservationCode code) {
    return em.createQuery(
            "select o from SymptomObservation o where o.carePlanId = :plan and o.code = :code"
                + " order by o.effectiveAt, o.id",
            SymptomObservation.class)
        .setParameter("plan", carePlanId)
        .setParameter("code", code)
        .setHint(READ_ONLY, Boolean.TRUE)
        .getResultList();
  }

  @Override
  public List<SymptomObservation> forPatient(
      String patientId, ObservationCode code, OffsetDateTime from) {
    return em.createQuery(
            "select o from SymptomObservation o where o.patientId = :patient and o.code = :code"
                + " and o.effectiveAt >= :from order by o.effectiveAt, o.id",
            SymptomObservation.class)
        .setParameter("patient", patientId)
        .setParameter("code", code)
        .setParameter("from", from)
        .setHint(READ_ONLY, Boolean.TRUE)
        .getResultList();
  }

  @Override
  public List<SymptomObservation> forSession(String sessionId) {
    return em.createQuery(
            "select o from SymptomObservation o where o.sessionId = :session"
                + " order by o.effectiveAt, o.id",
            SymptomObservation.class)
        .setParameter("session", sessionId)
        .setHint(READ_ONLY, Boolean.TRUE)
        .getResultList();
  }
}
