package app.lumbra.patient.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person treated for low-back pain.
 *
 * <p>Rules: a patient has an id (a random UUID, or the FHIR id the EHR chose, FHIR-8) and any
 * number of EHR identifiers; each identifier (system + value) belongs to at most one patient, which
 * the application service checks and the database enforces. A family name, a given name or an
 * identifier is enough to register ({@link PatientIdentification}, FHIR-6): names and birth date
 * are optional, and whatever uses them says when they are not known. A birth date, when known, lies
 * between 1900 and today.
 *
 * <p>Lifecycle: {@link #register registered}, then {@link #correct corrected} as often as needed;
 * every change raises the optimistic-lock {@link #version()}, so two clinicians editing the same
 * patient never silently overwrite each other.
 */
@Entity
@Table(name = "patient")
public class Patient {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @ElementCollection
  @CollectionTable(name = "patient_identifier", joinColumns = @JoinColumn(name = "patient_id"))
  private List<EhrIdentifier> identifiers = new ArrayList<>();

  @Column(name = "family_name", length = PatientDetails.MAX_NAME_LENGTH)
  private String familyName;

  @Column(name = "given_names", length = PatientDetails.MAX_NAME_LENGTH)
  private String givenNames;

  // Lower-cased copies so that name search is a plain indexed prefix match on every database; empty
  // when the name is not known, so that sorting by name is the same on every database.
  @Column(name = "family_name_key", nullable = false, length = PatientDetails.MAX_NAME_LENGTH)
  private String familyNameKey;

  @Column(name = "given_names_key", nullable = false, length = PatientDetails.MAX_NAME_LENGTH)
  private String givenNamesKey;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "gender", length = 16)
  private Gender gender;

  @Column(name = "registered_at", nullable = false)
  private OffsetDateTime registeredAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Patient() {}

  private Patient(PatientId id, OffsetDateTime now) {
    this.id = id.value();
    this.registeredAt = now;
  }

  /** A new patient with a fresh random id. */
  public static Patient register(PatientDetails details, Clock clock) {
    return register(PatientId.random(), details, clock);
  }

  /**
   * A new patient with the given id: a fresh one, or the one an EHR chose (FHIR-8); the application
   * service makes sure no other patient has it.
   */
  public static Patient register(PatientId id, PatientDetails details, Clock clock) {
    Patient patient = new Patient(id, OffsetDateTime.now(clock));
    patient.apply(details, clock);
    return patient;
  }

  /** Replaces the demographic data with the corrected details. */
  public void correct(PatientDetails details, Clock clock) {
    apply(details, clock);
  }

  private void apply(PatientDetails details, Clock clock) {
    details.checkBirthDate(clock);
    identifiers.clear();
    identifiers.addAll(details.identifiers());
    familyName = details.familyName();
    givenNames = details.givenNames();
    familyNameKey = searchKey(familyName);
    givenNamesKey = searchKey(givenNames);
    birthDate = details.birthDate();
    gender = details.gender();
    updatedAt = OffsetDateTime.now(clock);
  }

  /** The form in which names are stored for search and in which search terms are compared. */
  public static String searchKey(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  public boolean isKnownAs(EhrIdentifier identifier) {
    return identifiers.contains(identifier);
  }

  public PatientId id() {
    return PatientId.of(id);
  }

  public long version() {
    return version;
  }

  public List<EhrIdentifier> identifiers() {
    return List.copyOf(identifiers);
  }

  public Optional<String> familyName() {
    return Optional.ofNullable(familyName);
  }

  public Optional<String> givenNames() {
    return Optional.ofNullable(givenNames);
  }

  public Optional<LocalDate> birthDate() {
    return Optional.ofNullable(birthDate);
  }

  public Optional<Gender> gender() {
    return Optional.ofNullable(gender);
  }

  public OffsetDateTime registeredAt() {
    return registeredAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
