package app.lumbra.alert.persistence;

import app.lumbra.alert.domain.Alert;
import app.lumbra.alert.domain.AlertCriteria;
import app.lumbra.alert.domain.AlertRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class JpaAlertRepository implements AlertRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaAlertRepository() {}

  JpaAlertRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Alert> find(String id) {
    return Optional.ofNullable(em.find(Alert.class, id));
  }

  @Override
  public void lockPlan(String carePlanId) {
    em.createNativeQuery("SELECT id FROM care_plan WHERE id = ? FOR UPDATE")
        .setParameter(1, carePlanId)
        .getResultList();
  }

  @Override
  public void add(Alert alert) {
    em.persist(alert);
  }

  @Override
  public List<Alert> forPlan(String carePlanId) {
    return em.createQuery(
            "select a from Alert a where a.carePlanId = :plan order by a.raisedAt desc, a.id",
            Alert.class)
        .setParameter("plan", carePlanId)
        .getResultList();
  }

  @Override
  public List<Alert> search(AlertCriteria criteria, int offset, int limit) {
    if (criteria.patientIds() != null && criteria.patientIds().isEmpty()) {
      return List.of();
    }
    Map<String, Object> parameters = new HashMap<>();
    String where = where(criteria, parameters);
    TypedQuery<Alert> query =
        em.createQuery(
            "select a from Alert a" + where + " order by a.raisedAt desc, a.id", Alert.class);
    parameters.forEach(query::setParameter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(AlertCriteria criteria) {
    if (criteria.patientIds() != null && criteria.patientIds().isEmpty()) {
      return 0;
    }
    Map<String, Object> parameters = new HashMap<>();
    String where = where(criteria, parameters);
    TypedQuery<Long> query = em.createQuery("select count(a) from Alert a" + where, Long.class);
    parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  private static String where(AlertCriteria criteria, Map<String, Object> parameters) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (criteria.patientId() != null) {
      where.append(" and a.patientId = :patient");
      parameters.put("patient", criteria.patientId());
    }
    if (criteria.patientIds() != null) {
      where.append(" and a.patientId in :patients");
      parameters.put("patients", criteria.patientIds());
    }
    if (criteria.carePlanId() != null) {
      where.append(" and a.carePlanId = :plan");
      parameters.put("plan", criteria.carePlanId());
    }
    if (!criteria.ruleIds().isEmpty()) {
      where.append(" and a.ruleId in :rules");
      parameters.put("rules", criteria.ruleIds());
    }
    if (criteria.raisedFrom() != null) {
      where.append(" and a.raisedAt >= :from");
      parameters.put("from", criteria.raisedFrom());
    }
    if (criteria.raisedBefore() != null) {
      where.append(" and a.raisedAt < :before");
      parameters.put("before", criteria.raisedBefore());
    }
    if (criteria.currentOnly()) {
      where.append(" and a.lapsedAt is null");
    }
    return where.toString();
  }
}
