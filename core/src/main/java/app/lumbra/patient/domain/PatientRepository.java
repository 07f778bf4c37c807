package app.lumbra.patient.domain;

import app.lumbra.shared.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Port to the stored patients; the JPA implementation lives in {@code patient.persistence}. */
public interface PatientRepository {

  Optional<Patient> find(PatientId id);

  /** The patient with this id; throws {@link NotFoundException} when there is none. */
  default Patient get(PatientId id) {
    return find(id).orElseThrow(() -> new NotFoundException("Patient", id));
  }

  /** The patient an EHR knows by this identifier, if Lumbra has one. */
  Optional<Patient> findByIdentifier(EhrIdentifier identifier);

  /**
   * Patients whose family name or one of whose given names starts with {@code name} (ignoring case)
   * among the {@code visible} ones, ordered by family name, given names and id; a blank name
   * matches everybody visible.
   */
  List<Patient> searchByName(String name, VisiblePatients visible, int offset, int limit);

  /** How many patients {@link #searchByName} would find without paging. */
  long countByName(String name, VisiblePatients visible);

  /** One page of the patients matching {@code criteria}, in its order. */
  List<Patient> search(PatientCriteria criteria, int offset, int limit);

  /** How many patients match {@code criteria}. */
  long count(PatientCriteria criteria);

  /** Adds a newly registered patient. */
  void add(Patient patient);

  /**
   * Writes pending changes now, so the returned version is the stored one and a concurrent change
   * surfaces as {@link app.lumbra.shared.VersionConflictException} inside the use case.
   */
  void flush(Patient patient);
}
