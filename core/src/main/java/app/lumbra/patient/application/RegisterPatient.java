package app.lumbra.patient.application;

import app.lumbra.patient.domain.Gender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Registers a new patient. {@code id} is the id the sender chose (FHIR-8, update-as-create), null
 * for a fresh one. A family name, a given name or an identifier is enough (FHIR-6, see {@code
 * PatientDetails}); names, {@code birthDate} and {@code gender} may be null when the record does
 * not say.
 */
public record RegisterPatient(
    @Size(max = 64) String id,
    @NotNull List<@Valid @NotNull IdentifierData> identifiers,
    @Size(max = 200) String familyName,
    @Size(max = 200) String givenNames,
    @PastOrPresent LocalDate birthDate,
    Gender gender) {

  /** A patient with a fresh id. */
  public RegisterPatient(
      List<IdentifierData> identifiers,
      String familyName,
      String givenNames,
      LocalDate birthDate,
      Gender gender) {
    this(null, identifiers, familyName, givenNames, birthDate, gender);
  }
}
