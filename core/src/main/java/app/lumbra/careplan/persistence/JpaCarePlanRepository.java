package app.lumbra.careplan.persistence;

import app.lumbra.careplan.domain.CarePlan;
import app.lumbra.careplan.domain.CarePlanId;
import app.lumbra.careplan.domain.CarePlanRepository;
import app.lumbra.careplan.domain.CarePlanVersion;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.Database;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaCarePlanRepository implements CarePlanRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaCarePlanRepository() {}

  JpaCarePlanRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<CarePlan> find(CarePlanId id) {
    return Optional.ofNullable(em.find(CarePlan.class, id.value()));
  }

  @Override
  public List<CarePlan> listForPatient(PatientId patient) {
    return em.createQuery(
            "select p from CarePlan p where p.patientId = :patient"
                + " order by p.createdAt desc, p.id",
            CarePlan.class)
        .setParameter("patient", patient.value())
        .getResultList();
  }

  @Override
  public void add(CarePlan plan) {
    em.persist(plan);
    write(plan);
  }

  @Override
  public void flush(CarePlan plan) {
    // Phases, sessions, tasks and goals live in their own tables; forcing the increment makes an
    // edit of only those raise the plan's version too, so every change gets its own number.
    em.lock(plan, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    write(plan);
  }

  private void write(CarePlan plan) {
    try {
      em.flush();
    } catch (OptimisticLockException stale) {
      // Someone committed between our read and this write; the stored version is at least ours + 1.
      throw new VersionConflictException("CarePlan", plan.id(), plan.version(), plan.version() + 1);
    }
  }

  @Override
  public void addVersion(CarePlanVersion version) {
    em.persist(version);
    em.flush();
  }

  @Override
  public List<CarePlanVersion> versions(CarePlanId plan) {
    return em.createQuery(
            "select v from CarePlanVersion v where v.carePlanId = :plan"
                + " order by v.versionNumber",
            CarePlanVersion.class)
        .setParameter("plan", plan.value())
        .getResultList();
  }

  @Override
  public Optional<CarePlanVersion> version(CarePlanId plan, long versionNumber) {
    return em.createQuery(
            "select v from CarePlanVersion v where v.carePlanId = :plan"
                + " and v.versionNumber = :number",
            CarePlanVersion.class)
        .setParameter("plan", plan.value())
        .setParameter("number", versionNumber)
        .getResultStream()
        .findFirst();
  }
}
