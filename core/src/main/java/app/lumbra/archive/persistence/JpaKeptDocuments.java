package app.lumbra.archive.persistence;

import app.lumbra.archive.domain.KeptDocument;
import app.lumbra.archive.domain.KeptDocuments;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
class JpaKeptDocuments implements KeptDocuments {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaKeptDocuments() {}

  JpaKeptDocuments(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(KeptDocument document) {
    em.persist(document);
  }

  @Override
  public List<KeptDocument> ofRecord(String recordType, String recordId) {
    return em.createQuery(
            "select d from KeptDocument d where d.recordType = :type and d.recordId = :id"
                + " order by d.versionNumber desc",
            KeptDocument.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId)
        .getResultList();
  }

  @Override
  public List<KeptDocument> ofRecords(String recordType, Collection<String> recordIds) {
    if (recordIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select d from KeptDocument d where d.recordType = :type and d.recordId in :ids",
            KeptDocument.class)
        .setParameter("type", recordType)
        .setParameter("ids", recordIds)
        .getResultList();
  }
}
