package app.lumbra.patient.domain;

import app.lumbra.shared.InvalidValueException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the EHR or the clinician says about a patient, validated: identifiers without duplicates,
 * names of at most {@value #MAX_NAME_LENGTH} characters, a birth date that is not in the future
 * (checked against the injected clock in {@link #checkBirthDate(Clock)}). Names, birth date and
 * gender are null when the record does not say (a blank name counts as not said), as long as the
 * patient can still be told apart ({@link PatientIdentification}, FHIR-6).
 */
public record PatientDetails(
    List<EhrIdentifier> identifiers,
    String familyName,
    String givenNames,
    LocalDate birthDate,
    Gender gender) {

  public static final int MAX_NAME_LENGTH = 200;

  /** No clinical record is older than this; earlier dates are typing errors. */
  static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  public PatientDetails {
    identifiers = List.copyOf(new LinkedHashSet<>(identifiers == null ? List.of() : identifiers));
    familyName = name("familyName", familyName);
    givenNames = name("givenNames", givenNames);
    PatientIdentification.check(familyName, givenNames, identifiers);
  }

  private static String name(String field, String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    if (name.strip().length() > MAX_NAME_LENGTH) {
      throw new InvalidValueException(
          field, name, "a name of at most " + MAX_NAME_LENGTH + " characters");
    }
    return name.strip();
  }

  void checkBirthDate(Clock clock) {
    if (birthDate == null) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    if (birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(today)) {
      throw new InvalidValueException(
          "birthDate", birthDate, "a date from " + EARLIEST_BIRTH_DATE + " to " + today);
    }
  }
}
