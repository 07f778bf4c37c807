package app.lumbra.cohort.persistence;

import app.lumbra.cohort.domain.Cohort;
import app.lumbra.cohort.domain.CohortRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaCohortRepository implements CohortRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaCohortRepository() {}

  JpaCohortRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Cohort> find(String id) {
    return Optional.ofNullable(em.find(Cohort.class, id));
  }

  @Override
  public void add(Cohort cohort) {
    em.persist(cohort);
    em.flush();
  }

  @Override
  public void replaced(Cohort cohort) {
    // A change of the members alone is a change of the cohort: its version moves too.
    em.lock(cohort, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
  }

  @Override
  public List<Cohort> search(String id, int offset, int limit) {
    TypedQuery<Cohort> query =
        em.createQuery(
            "select c from Cohort c" + (id == null ? "" : " where c.id = :id") + " order by c.id",
            Cohort.class);
    if (id != null) {
      query.setParameter("id", id);
    }
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(String id) {
    TypedQuery<Long> query =
        em.createQuery(
            "select count(c) from Cohort c" + (id == null ? "" : " where c.id = :id"), Long.class);
    if (id != null) {
      query.setParameter("id", id);
    }
    return query.getSingleResult();
  }
}
