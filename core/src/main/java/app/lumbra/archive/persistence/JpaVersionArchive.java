package app.lumbra.archive.persistence;

import app.lumbra.archive.domain.ArchivedVersion;
import app.lumbra.archive.domain.VersionArchive;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaVersionArchive implements VersionArchive {

  // The year 1 stands for "ever", so one query shape serves with and without a lower bound.
  private static final OffsetDateTime EVER = OffsetDateTime.parse("0001-01-01T00:00:00Z");

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaVersionArchive() {}

  JpaVersionArchive(EntityManager em) {
    this.em = em;
  }

  @Override
  public boolean contains(String recordType, String recordId, long versionNumber) {
    return find(recordType, recordId, versionNumber).isPresent();
  }

  @Override
  public void add(ArchivedVersion version) {
    em.persist(version);
    em.flush();
  }

  @Override
  public Optional<ArchivedVersion> find(String recordType, String recordId, long versionNumber) {
    return em.createQuery(
            "select v from ArchivedVersion v where v.recordType = :type and v.recordId = :id"
                + " and v.versionNumber = :version",
            ArchivedVersion.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId)
        .setParameter("version", versionNumber)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ArchivedVersion> ofRecord(String recordType, String recordId) {
    return em.createQuery(
            "select v from ArchivedVersion v where v.recordType = :type and v.recordId = :id"
                + " order by v.versionNumber desc",
            ArchivedVersion.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId)
        .getResultList();
  }

  @Override
  public List<ArchivedVersion> ofType(
      String recordType, OffsetDateTime since, int offset, int limit) {
    return ofType(
            "select v",
            " order by v.recordedAt desc, v.versionNumber desc, v.id",
            recordType,
            since,
            ArchivedVersion.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countOfType(String recordType, OffsetDateTime since) {
    return ofType("select count(v)", "", recordType, since, Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> ofType(
      String select, String orderBy, String recordType, OffsetDateTime since, Class<T> type) {
    return em.createQuery(
            select
                + " from ArchivedVersion v where v.recordType = :type and v.recordedAt >= :since"
                + orderBy,
            type)
        .setParameter("type", recordType)
        .setParameter("since", since == null ? EVER : since);
  }
}
