package app.lumbra.context.persistence;

import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.context.domain.ContextRecord;
import app.lumbra.context.domain.ContextRecords;
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
class JpaContextRecords implements ContextRecords {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaContextRecords() {}

  JpaContextRecords(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(ContextRecord record) {
    em.persist(record);
  }

  @Override
  public Optional<ContextRecord> current(String recordType, String recordId) {
    return em.createQuery(
            "select r from ContextRecord r where r.recordType = :type and r.recordId = :id"
                + " and r.supersededAt is null",
            ContextRecord.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ContextRecord> version(String recordType, String recordId, long version) {
    return em.createQuery(
            "select r from ContextRecord r where r.recordType = :type and r.recordId = :id"
                + " and r.versionNumber = :version",
            ContextRecord.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId)
        .setParameter("version", version)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ContextRecord> history(String recordType, String recordId) {
    return em.createQuery(
            "select r from ContextRecord r where r.recordType = :type and r.recordId = :id"
                + " order by r.versionNumber desc",
            ContextRecord.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId)
        .getResultList();
  }

  @Override
  public List<ContextRecord> search(ContextCriteria criteria, int offset, int limit) {
    String order =
        criteria.newestFirst()
            ? " order by r.clinicalDate desc, r.id desc"
            : " order by r.clinicalDate, r.id";
    return query("select r", order, criteria, ContextRecord.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(ContextCriteria criteria) {
    return query("select count(r)", "", criteria, Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> query(
      String select, String order, ContextCriteria criteria, Class<T> type) {
    StringBuilder where =
        new StringBuilder(
            " from ContextRecord r where r.recordType = :type and r.supersededAt is null");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("type", criteria.recordType());
    if (criteria.patientId() != null) {
      where.append(" and r.patientId = :patient");
      parameters.put("patient", criteria.patientId());
    }
    if (!criteria.statuses().isEmpty()) {
      where.append(" and r.status in :statuses");
      parameters.put("statuses", criteria.statuses());
    }
    range(where, parameters, "r.clinicalDate", "date", criteria.dateFrom(), criteria.dateBefore());
    range(
        where,
        parameters,
        "r.lastUpdated",
        "updated",
        criteria.updatedFrom(),
        criteria.updatedBefore());
    int p = 0;
    for (Map.Entry<String, List<ContextCriteria.TokenMatch>> tokens :
        criteria.tokens().entrySet()) {
      where
          .append(" and exists (select t.code from ContextRecord r")
          .append(p)
          .append(" join r")
          .append(p)
          .append(".tokens t where r")
          .append(p)
          .append(".id = r.id and t.param = :param")
          .append(p)
          .append(" and (");
      parameters.put("param" + p, tokens.getKey());
      int m = 0;
      for (ContextCriteria.TokenMatch match : tokens.getValue()) {
        String name = "p" + p + "m" + m;
        where.append(m == 0 ? "" : " or ").append("(t.code = :c").append(name);
        parameters.put("c" + name, match.code());
        if (match.system() != null) {
          where.append(" and t.system = :s").append(name);
          parameters.put("s" + name, match.system());
        }
        where.append(")");
        m++;
      }
      if (m == 0) {
        where.append("1 = 0");
      }
      where.append("))");
      p++;
    }
    TypedQuery<T> query = em.createQuery(select + where + order, type);
    parameters.forEach(query::setParameter);
    return query;
  }

  private static void range(
      StringBuilder where,
      Map<String, Object> parameters,
      String column,
      String name,
      Object from,
      Object before) {
    if (from != null) {
      where.append(" and ").append(column).append(" >= :").append(name).append("From");
      parameters.put(name + "From", from);
    }
    if (before != null) {
      where.append(" and ").append(column).append(" < :").append(name).append("Before");
      parameters.put(name + "Before", before);
    }
  }
}
