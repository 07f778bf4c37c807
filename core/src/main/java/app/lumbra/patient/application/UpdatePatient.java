package app.lumbra.patient.application;

import app.lumbra.patient.domain.Gender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Replaces a patient's details (like a FHIR update). {@code expectedVersion} is the version the
 * editor read; when the patient changed since, the update is refused with a version conflict. As at
 * registration, a family name, a given name or an identifier is enough (FHIR-6).
 */
public record UpdatePatient(
    @NotBlank String patientId,
    @PositiveOrZero long expectedVersion,
    @NotNull List<@Valid @NotNull IdentifierData> identifiers,
    @Size(max = 200) String familyName,
    @Size(max = 200) String givenNames,
    @PastOrPresent LocalDate birthDate,
    Gender gender) {}
