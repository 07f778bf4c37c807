package app.lumbra.patient.application;

import app.lumbra.patient.domain.EhrIdentifier;
import app.lumbra.patient.domain.Gender;
import app.lumbra.patient.domain.Patient;
import app.lumbra.patient.domain.PatientCriteria;
import app.lumbra.patient.domain.PatientDetails;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.patient.domain.VisiblePatients;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.PageRequest;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Patient use cases for the FHIR adapter and the portal. Each method is one transaction; a rejected
 * command (invalid value, identifier in use, stale version) stores nothing. Every accepted change
 * fires {@link PatientChanged} inside that transaction, whichever channel made it.
 */
@ApplicationScoped
@Transactional
public class PatientService {

  private PatientRepository patients;
  private Clock clock;
  private Event<PatientChanged> changes;
  private KnownPatients known;

  /** For the CDI proxy only. */
  protected PatientService() {}

  @Inject
  public PatientService(
      PatientRepository patients, Clock clock, Event<PatientChanged> changes, KnownPatients known) {
    this.patients = patients;
    this.clock = clock;
    this.changes = changes;
    this.known = known;
  }

  /** Outside the container (persistence tests): ids are remembered at once. */
  public PatientService(PatientRepository patients, Clock clock, Event<PatientChanged> changes) {
    this(patients, clock, changes, new KnownPatients());
  }

  /**
   * Registers a new patient.
   *
   * @throws InvalidValueException when a value is out of range or an identifier already belongs to
   *     another patient
   * @throws IdInUseException when the requested id is already a patient's (FHIR-8)
   */
  public PatientView register(@NotNull @Valid RegisterPatient command) {
    PatientId id = PatientId.requestedOrRandom(command.id());
    if (command.id() != null && patients.find(id).isPresent()) {
      throw new IdInUseException("Patient", id.value());
    }
    PatientDetails details =
        details(
            command.identifiers(),
            command.familyName(),
            command.givenNames(),
            command.birthDate(),
            command.gender());
    details.identifiers().forEach(identifier -> requireUnused(identifier, Optional.empty()));
    Patient patient = Patient.register(id, details, clock);
    patients.add(patient);
    return changed(null, patient);
  }

  /**
   * Replaces the details of an existing patient.
   *
   * @throws NotFoundException when there is no such patient
   * @throws VersionConflictException when the patient changed since {@code expectedVersion}
   */
  public PatientView update(@NotNull @Valid UpdatePatient command) {
    Patient patient = patients.get(PatientId.of(command.patientId()));
    if (patient.version() != command.expectedVersion()) {
      throw new VersionConflictException(
          "Patient", patient.id(), command.expectedVersion(), patient.version());
    }
    PatientDetails details =
        details(
            command.identifiers(),
            command.familyName(),
            command.givenNames(),
            command.birthDate(),
            command.gender());
    details.identifiers().forEach(identifier -> requireUnused(identifier, Optional.of(patient)));
    PatientView previous = PatientView.of(patient);
    patient.correct(details, clock);
    patients.flush(patient);
    return changed(previous, patient);
  }

  private PatientView changed(PatientView previous, Patient patient) {
    PatientView current = PatientView.of(patient);
    changes.fire(new PatientChanged(previous, current));
    return current;
  }

  /** The patient with this id; throws {@link NotFoundException} when there is none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PatientView get(@NotNull String patientId) {
    return PatientView.of(patients.get(PatientId.of(patientId)));
  }

  /** The patient an EHR knows by {@code system|value}: the lookup behind conditional create. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PatientView> findByIdentifier(@NotNull String system, @NotNull String value) {
    return patients.findByIdentifier(EhrIdentifier.of(system, value)).map(PatientView::of);
  }

  /** Whether a patient with this id exists; used by other modules before they refer to one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(@NotNull String patientId) {
    // Every incoming reading asks; a patient seen before needs no query.
    if (known.contains(patientId)) {
      return true;
    }
    boolean found = patients.find(PatientId.of(patientId)).isPresent();
    if (found) {
      known.rememberOnCommit(patientId);
    }
    return found;
  }

  /**
   * Patients whose family or given name starts with {@code name} (any case), a page at a time; a
   * blank name lists everybody. Only the {@code visible} patients are listed and counted.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PatientPage search(String name, @NotNull VisiblePatients visible, int offset, int limit) {
    PageRequest.of(offset, limit);
    List<PatientView> page =
        patients.searchByName(name, visible, offset, limit).stream().map(PatientView::of).toList();
    return new PatientPage(page, offset, limit, patients.countByName(name, visible));
  }

  /**
   * A page of the patients matching {@code criteria} (FHIR search: identifier, name, birth date),
   * with the total count when {@code withTotal}; -1 otherwise.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PatientPage search(
      @NotNull PatientCriteria criteria, int offset, int limit, boolean withTotal) {
    PageRequest.of(offset, limit);
    List<PatientView> page =
        patients.search(criteria, offset, limit).stream().map(PatientView::of).toList();
    return new PatientPage(page, offset, limit, withTotal ? patients.count(criteria) : -1);
  }

  private static PatientDetails details(
      List<IdentifierData> identifiers,
      String familyName,
      String givenNames,
      LocalDate birthDate,
      Gender gender) {
    InvalidValueException.required("identifiers", identifiers, "a list, possibly empty");
    return new PatientDetails(
        identifiers.stream().map(IdentifierData::toDomain).toList(),
        familyName,
        givenNames,
        birthDate,
        gender);
  }

  private void requireUnused(EhrIdentifier identifier, Optional<Patient> owner) {
    patients
        .findByIdentifier(identifier)
        .filter(other -> owner.map(self -> !self.id().equals(other.id())).orElse(true))
        .ifPresent(
            other -> {
              throw new InvalidValueException(
                  "identifiers", identifier, "an identifier that no other patient has");
            });
  }
}
