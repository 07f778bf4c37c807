package app.lumbra.homecare.persistence;

import app.lumbra.homecare.domain.HomeCareLogEntry;
import app.lumbra.homecare.domain.HomeCareLogRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaHomeCareLogRepository implements HomeCareLogRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaHomeCareLogRepository() {}

  JpaHomeCareLogRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(HomeCareLogEntry entry) {
    em.persist(entry);
    em.flush();
  }

  @Override
  public Optional<HomeCareLogEntry> find(String carePlanId, String taskId, LocalDate day) {
    return em.createQuery(
            "select e from HomeCareLogEntry e where e.carePlanId = :plan and e.taskId = :task"
                + " and e.day = :day",
            HomeCareLogEntry.class)
        .setParameter("plan", carePlanId)
        .setParameter("task", taskId)
        .setParameter("day", day)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<HomeCareLogEntry> forPlan(String carePlanId) {
    return em.createQuery(
            "select e from HomeCareLogEntry e where e.carePlanId = :plan order by e.day, e.taskId",
            HomeCareLogEntry.class)
        .setParameter("plan", carePlanId)
        .getResultList();
  }
}
