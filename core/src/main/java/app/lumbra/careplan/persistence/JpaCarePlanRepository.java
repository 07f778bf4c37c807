package app.lumbra.careplan.persistence;

import app.lumbra.careplan.domain.CarePlan;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.CarePlanId;
import app.lumbra.careplan.domain.CarePlanRepository;
import app.lumbra.careplan.domain.CarePlanVersion;
import app.lumbra.careplan.domain.GoalCriteria;
import app.lumbra.careplan.domain.GoalRef;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.Database;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.shared.persistence.Jpql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  public List<CarePlan> search(CarePlanCriteria criteria, int offset, int limit) {
    String order =
        switch (criteria.order()) {
          case CREATED -> " order by p.createdAt, p.id";
          case CREATED_DESCENDING -> " order by p.createdAt desc, p.id";
          case STATUS -> " order by p.status, p.createdAt desc, p.id";
          case STATUS_DESCENDING -> " order by p.status desc, p.createdAt desc, p.id";
          case LAST_UPDATED -> " order by p.updatedAt, p.id";
          case LAST_UPDATED_DESCENDING -> " order by p.updatedAt desc, p.id";
        };
    return matching(criteria, "select p", order, CarePlan.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(CarePlanCriteria criteria) {
    return matching(criteria, "select count(p)", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> matching(
      CarePlanCriteria criteria, String select, String orderBy, Class<T> type) {
    StringBuilder jpql = new StringBuilder();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (criteria.patientId() != null) {
      jpql.append(" and p.patientId = :patient");
      parameters.put("patient", criteria.patientId());
    }
    if (!criteria.statuses().isEmpty()) {
      jpql.append(" and p.status in :statuses");
      parameters.put("statuses", List.copyOf(criteria.statuses()));
    }
    // FHIR-9 (CarePlan date): the plan's period runs from its first phase's start to its last
    // phase's end (open while a phase is open-ended) and must overlap [coversFrom, coversBefore).
    if (criteria.coversBefore() != null) {
      jpql.append(
          " and exists (select ph.kind from CarePlan q join q.phases ph where q.id = p.id"
              + " and ph.startDate < :coversBefore)");
      parameters.put("coversBefore", criteria.coversBefore());
    }
    if (criteria.coversFrom() != null) {
      jpql.append(
          " and exists (select ph.kind from CarePlan q join q.phases ph where q.id = p.id"
              + " and (ph.endDate is null or ph.endDate >= :coversFrom))");
      parameters.put("coversFrom", criteria.coversFrom());
    }
    // FHIR-9 (date=sa..., date=eb...): no phase starts before startsFrom, none ends on or after
    // endsBefore (an open-ended one never ends); a plan without phases has no period.
    if (criteria.startsFrom() != null || criteria.endsBefore() != null) {
      jpql.append(
          " and exists (select ph.kind from CarePlan q join q.phases ph where q.id = p.id)");
    }
    if (criteria.startsFrom() != null) {
      jpql.append(
          " and not exists (select ph.kind from CarePlan q join q.phases ph where q.id = p.id"
              + " and ph.startDate < :startsFrom)");
      parameters.put("startsFrom", criteria.startsFrom());
    }
    if (criteria.endsBefore() != null) {
      jpql.append(
          " and not exists (select ph.kind from CarePlan q join q.phases ph where q.id = p.id"
              + " and (ph.endDate is null or ph.endDate >= :endsBefore))");
      parameters.put("endsBefore", criteria.endsBefore());
    }
    TypedQuery<T> query =
        em.createQuery(select + " from CarePlan p" + Jpql.where(jpql) + orderBy, type);
    parameters.forEach(query::setParameter);
    return query;
  }

  @Override
  public Optional<CarePlan> findByGoal(String goalId) {
    return em.createQuery(
            "select p from CarePlan p join p.goals g where g.goalId = :goal", CarePlan.class)
        .setParameter("goal", goalId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<GoalRef> searchGoals(GoalCriteria criteria, int offset, int limit) {
    return goalsMatching(
            criteria, "select p.id, g.goalId", goalOrder(criteria.order()), Object[].class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new GoalRef((String) row[0], (String) row[1]))
        .toList();
  }

  private static String goalOrder(GoalCriteria.Order order) {
    return switch (order) {
      case START_DATE -> " order by g.startDate, g.goalId";
      case START_DATE_DESCENDING -> " order by g.startDate desc, g.goalId";
      case STATUS -> " order by g.status, g.startDate, g.goalId";
      case STATUS_DESCENDING -> " order by g.status desc, g.startDate, g.goalId";
      case TARGET_DATE -> " order by g.dueDate, g.goalId";
      case TARGET_DATE_DESCENDING -> " order by g.dueDate desc, g.goalId";
    };
  }

  @Override
  public long countGoals(GoalCriteria criteria) {
    return goalsMatching(criteria, "select count(g.goalId)", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> goalsMatching(
      GoalCriteria criteria, String select, String orderBy, Class<T> type) {
    StringBuilder jpql = new StringBuilder();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (criteria.patientId() != null) {
      jpql.append(" and p.patientId = :patient");
      parameters.put("patient", criteria.patientId());
    }
    if (!criteria.statuses().isEmpty()) {
      jpql.append(" and g.status in :statuses");
      parameters.put("statuses", List.copyOf(criteria.statuses()));
    }
    // FHIR-9 (Goal target-date): the goal's due date lies in [dueFrom, dueBefore).
    if (criteria.dueFrom() != null) {
      jpql.append(" and g.dueDate >= :dueFrom");
      parameters.put("dueFrom", criteria.dueFrom());
    }
    if (criteria.dueBefore() != null) {
      jpql.append(" and g.dueDate < :dueBefore");
      parameters.put("dueBefore", criteria.dueBefore());
    }
    // FHIR-9 (Goal description:text): a case-insensitive prefix of a word of the description.
    if (criteria.descriptionText() != null && !criteria.descriptionText().isBlank()) {
      String term = escapeLike(criteria.descriptionText().strip().toLowerCase(Locale.ROOT));
      jpql.append(
          " and (lower(g.description) like :described escape '\\'"
              + " or lower(g.description) like :describedLater escape '\\')");
      parameters.put("described", term + "%");
      parameters.put("describedLater", "% " + term + "%");
    }
    TypedQuery<T> query =
        em.createQuery(
            select + " from CarePlan p join p.goals g" + Jpql.where(jpql) + orderBy, type);
    parameters.forEach(query::setParameter);
    return query;
  }

  private static String escapeLike(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
    long before = plan.version();
    em.lock(plan, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    write(plan);
    if (plan.version() == before) {
      // EclipseLink forces the increment once per transaction and never for a plan persisted in
      // it, so a second change in one transaction (a FHIR transaction Bundle that creates a plan
      // and adds its goals) raises the version here, guarded like the optimistic lock.
      int raised =
          em.createQuery(
                  "update CarePlan p set p.version = p.version + 1"
                      + " where p.id = :id and p.version = :version")
              .setParameter("id", plan.id().value())
              .setParameter("version", before)
              .executeUpdate();
      if (raised != 1) {
        throw new VersionConflictException("CarePlan", plan.id(), before, before + 1);
      }
      em.refresh(plan);
    }
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

  // The year 1 stands for "ever", so one query shape serves with and without a lower bound.
  private static final OffsetDateTime EVER = OffsetDateTime.parse("0001-01-01T00:00:00Z");

  @Override
  public List<CarePlanVersion> versionsSince(OffsetDateTime since, int offset, int limit) {
    return em.createQuery(
            "select v from CarePlanVersion v where v.changedAt >= :since"
                + " order by v.changedAt desc, v.versionNumber desc, v.id",
            CarePlanVersion.class)
        .setParameter("since", since == null ? EVER : since)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countVersionsSince(OffsetDateTime since) {
    return em.createQuery(
            "select count(v) from CarePlanVersion v where v.changedAt >= :since", Long.class)
        .setParameter("since", since == null ? EVER : since)
        .getSingleResult();
  }
}
