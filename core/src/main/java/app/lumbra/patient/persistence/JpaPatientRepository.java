package app.lumbra.patient.persistence;

import app.lumbra.patient.domain.EhrIdentifier;
import app.lumbra.patient.domain.Patient;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.shared.Database;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaPatientRepository implements PatientRepository {

  private static final String NAME_MATCHES =
      " from Patient p where p.familyNameKey like :prefix escape '\\'"
          + " or p.givenNamesKey like :prefix escape '\\'"
          + " or p.givenNamesKey like :laterWord escape '\\'";

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
  public List<Patient> searchByName(String name, int offset, int limit) {
    TypedQuery<Patient> query =
        em.createQuery(
            "select p" + NAME_MATCHES + " order by p.familyNameKey, p.givenNamesKey, p.id",
            Patient.class);
    return withNameParameters(query, name)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countByName(String name) {
    return withNameParameters(em.createQuery("select count(p)" + NAME_MATCHES, Long.class), name)
        .getSingleResult();
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
