package app.lumbra.export.persistence;

import app.lumbra.export.domain.ExportJob;
import app.lumbra.export.domain.ExportJobRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaExportJobRepository implements ExportJobRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaExportJobRepository() {}

  JpaExportJobRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ExportJob> find(String id) {
    return Optional.ofNullable(em.find(ExportJob.class, id));
  }

  @Override
  public void add(ExportJob job) {
    em.persist(job);
    em.flush();
  }

  @Override
  public List<ExportJob> expiredAt(OffsetDateTime now) {
    return em.createQuery(
            "select j from ExportJob j where j.expiresAt <= :now order by j.expiresAt",
            ExportJob.class)
        .setParameter("now", now)
        .setMaxResults(100)
        .getResultList();
  }

  @Override
  public void remove(ExportJob job) {
    em.remove(job);
    em.flush();
  }
}
