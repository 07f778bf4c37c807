package app.lumbra.patient.persistence;

import app.lumbra.patient.domain.EhrIdentifier;
import app.lumbra.patient.domain.Patient;
import app.lumbra.patient.domain.PatientCriteria;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.patient.domain.VisiblePatients;
import app.lumbra.shared.Database;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.shared.persistence.Jpql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class JpaPatientRepository implements PatientRepository {

  private static final String NAME_MATCHES =
      " from Patient p where (p.familyNameKey like :prefix escape '\\'"
          + " or p.givenNamesKey like :prefix escape '\\'"
          + " or p.givenNamesKey like :laterWord escape '\\')";

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaPatientRepository() {}

  JpaPatientRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Patient> find(PatientId id) {
    return Optional.ofNullable(em.find(Patient.class, id.value()));
  }

  @Override
  public Optional<Patient> findByIdentifier(EhrIdentifier identifier) {
    return em.createQuery(
            "select p from Patient p join p.identifiers i"
                + " where i.system = :system and i.value = :value",
            Patient.class)
        .setParameter("system", identifier.system())
        .setParameter("value", identifier.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Patient> searchByName(String name, VisiblePatients visible, int offset, int limit) {
    TypedQuery<Patient> query =
        em.createQuery(
            "select p"
                + NAME_MATCHES
                + visibleTo(visible)
                + " order by p.familyNameKey, p.givenNamesKey, p.id",
            Patient.class);
    return withVisibleParameters(withNameParameters(query, name), visible)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countByName(String name, VisiblePatients visible) {
    TypedQuery<Long> query =
        em.createQuery("select count(p)" + NAME_MATCHES + visibleTo(visible), Long.class);
    return withVisibleParameters(withNameParameters(query, name), visible).getSingleResult();
  }

  // Care teams live in the careteam module's table; the list filters in the query so
  // its count and pages hold only the patients the viewer may see.
  private static String visibleTo(VisiblePatients visible) {
    return switch (visible.kind()) {
      case ALL -> "";
      case TEAM ->
          " and exists (select a from CareTeamAssignment a"
              + " where a.patientId = p.id and a.careTeam = :careTeam)";
      case NO_TEAM ->
          " and not exists (select a from CareTeamAssignment a where a.patientId = p.id)";
      // Never true (an id is never null), and not two literals: see Jpql.where.
      case NONE -> " and p.id is null";
    };
  }

  private static <T> TypedQuery<T> withVisibleParameters(
      TypedQuery<T> query, VisiblePatients visible) {
    return visible.kind() == VisiblePatients.Kind.TEAM
        ? query.setParameter("careTeam", visible.careTeam())
        : query;
  }

  // A blank name becomes the pattern '%', which every stored family name matches.
  private static <T> TypedQuery<T> withNameParameters(TypedQuery<T> query, String name) {
    String term = name == null || name.isBlank() ? "" : escapeLike(Patient.searchKey(name));
    return query.setParameter("prefix", term + "%").setParameter("laterWord", "% " + term + "%");
  }

  private static String escapeLike(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  public List<Patient> search(PatientCriteria criteria, int offset, int limit) {
    return matching(criteria, "select p", orderBy(criteria.order()), Patient.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(PatientCriteria criteria) {
    return matching(criteria, "select count(p)", "", Long.class).getSingleResult();
  }

  // Each criterion is one indexed column (id, identifier unique key, name keys, birth date; V7_6:
  // name key prefixes, also on PostgreSQL); gender only narrows what the others found.
  private <T> TypedQuery<T> matching(
      PatientCriteria criteria, String select, String orderBy, Class<T> type) {
    String from = " from Patient p";
    StringBuilder jpql = new StringBuilder();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (criteria.identifier() != null) {
      from += " join p.identifiers i";
      jpql.append(" and i.system = :system and i.value = :value");
      parameters.put("system", criteria.identifier().system());
      parameters.put("value", criteria.identifier().value());
    }
    if (criteria.id() != null) {
      jpql.append(" and p.id = :id");
      parameters.put("id", criteria.id());
    }
    if (criteria.name() != null && !criteria.name().isBlank()) {
      String term = escapeLike(Patient.searchKey(criteria.name()));
      jpql.append(
          " and (p.familyNameKey like :prefix escape '\\'"
              + " or p.givenNamesKey like :prefix escape '\\'"
              + " or p.givenNamesKey like :laterWord escape '\\')");
      parameters.put("prefix", term + "%");
      parameters.put("laterWord", "% " + term + "%");
    }
    // FHIR-9 (US Core family, given): string search, a case-insensitive prefix of that part only.
    if (criteria.family() != null && !criteria.family().isBlank()) {
      jpql.append(" and p.familyNameKey like :familyPrefix escape '\\'");
      parameters.put("familyPrefix", escapeLike(Patient.searchKey(criteria.family())) + "%");
    }
    if (criteria.given() != null && !criteria.given().isBlank()) {
      String term = escapeLike(Patient.searchKey(criteria.given()));
      jpql.append(
          " and (p.givenNamesKey like :givenPrefix escape '\\'"
              + " or p.givenNamesKey like :givenLaterWord escape '\\')");
      parameters.put("givenPrefix", term + "%");
      parameters.put("givenLaterWord", "% " + term + "%");
    }
    if (criteria.gender() != null) {
      jpql.append(" and p.gender = :gender");
      parameters.put("gender", criteria.gender());
    }
    if (criteria.bornFrom() != null) {
      jpql.append(" and p.birthDate >= :bornFrom");
      parameters.put("bornFrom", criteria.bornFrom());
    }
    if (criteria.bornBefore() != null) {
      jpql.append(" and p.birthDate < :bornBefore");
      parameters.put("bornBefore", criteria.bornBefore());
    }
    jpql.append(visibleTo(criteria.visible()));
    if (criteria.visible().kind() == VisiblePatients.Kind.TEAM) {
      parameters.put("careTeam", criteria.visible().careTeam());
    }
    TypedQuery<T> query = em.createQuery(select + from + Jpql.where(jpql) + orderBy, type);
    parameters.forEach(query::setParameter);
    return query;
  }

  private static String orderBy(PatientCriteria.PatientOrder order) {
    return switch (order) {
      case NAME -> " order by p.familyNameKey, p.givenNamesKey, p.id";
      case NAME_DESCENDING -> " order by p.familyNameKey desc, p.givenNamesKey desc, p.id";
      // Patients without a birth date (FHIR-6) come last either way, on every database.
      case BIRTH_DATE -> " order by p.birthDate asc nulls last, p.id";
      case BIRTH_DATE_DESCENDING -> " order by p.birthDate desc nulls last, p.id";
      case LAST_UPDATED -> " order by p.updatedAt, p.id";
      case LAST_UPDATED_DESCENDING -> " order by p.updatedAt desc, p.id";
    };
  }

  @Override
  public void add(Patient patient) {
    em.persist(patient);
    flush(patient);
  }

  @Override
  public void flush(Patient patient) {
    try {
      em.flush();
    } catch (OptimisticLockException stale) {
      // Someone committed between our read and this write; the stored version is at least ours + 1.
      throw new VersionConflictException(
          "Patient", patient.id(), patient.version(), patient.version() + 1);
    }
  }
}
