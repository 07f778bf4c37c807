package app.lumbra.audit.persistence;

import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.audit.domain.AuditRecord;
import app.lumbra.audit.domain.AuditRecordRepository;
import app.lumbra.shared.Database;
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
import java.util.Set;

@ApplicationScoped
class JpaAuditRecordRepository implements AuditRecordRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaAuditRecordRepository() {}

  JpaAuditRecordRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(AuditRecord record) {
    em.persist(record);
    em.flush();
  }

  @Override
  public void addAll(List<AuditRecord> batch) {
    batch.forEach(em::persist);
    em.flush();
  }

  @Override
  public Set<String> existing(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        em.createQuery("select r.id from AuditRecord r where r.id in :ids", String.class)
            .setParameter("ids", ids)
            .getResultList());
  }

  @Override
  public Optional<AuditRecord> find(String id) {
    return Optional.ofNullable(em.find(AuditRecord.class, id));
  }

  @Override
  public List<AuditRecord> search(
      String patientId,
      String agent,
      AccessOutcome outcome,
      OffsetDateTime from,
      OffsetDateTime to,
      int offset,
      int limit) {
    return query(
            "select r from AuditRecord r",
            " order by r.recordedAt desc, r.id",
            AuditRecord.class,
            patientId,
            agent,
            outcome,
            from,
            to)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(
      String patientId,
      String agent,
      AccessOutcome outcome,
      OffsetDateTime from,
      OffsetDateTime to) {
    return query(
            "select count(r) from AuditRecord r",
            "",
            Long.class,
            patientId,
            agent,
            outcome,
            from,
            to)
        .getSingleResult();
  }

  private <T> TypedQuery<T> query(
      String select,
      String order,
      Class<T> type,
      String patientId,
      String agent,
      AccessOutcome outcome,
      OffsetDateTime from,
      OffsetDateTime to) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder();
    condition(where, parameters, "r.patientId = :patient", "patient", patientId);
    condition(where, parameters, "r.agent = :agent", "agent", agent);
    condition(where, parameters, "r.outcome = :outcome", "outcome", outcome);
    condition(where, parameters, "r.recordedAt >= :from", "from", from);
    condition(where, parameters, "r.recordedAt < :to", "to", to);
    TypedQuery<T> query = em.createQuery(select + where + order, type);
    parameters.forEach(query::setParameter);
    return query;
  }

  private static void condition(
      StringBuilder where,
      Map<String, Object> parameters,
      String clause,
      String name,
      Object value) {
    if (value != null) {
      where.append(where.length() == 0 ? " where " : " and ").append(clause);
      parameters.put(name, value);
    }
  }
}
