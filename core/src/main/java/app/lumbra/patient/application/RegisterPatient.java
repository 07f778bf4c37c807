package app.lumbra.patient.application;

import app.lumbra.patient.domain.Gender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Registers a new patient; {@code gender} may be null when the EHR does not record it. */
public record RegisterPatient(
    @NotNull List<@Valid @NotNull IdentifierData> identifiers,
    @NotBlank @Size(max = 200) String familyName,
    @NotBlank @Size(max = 200) String givenNames,
    @NotNull @PastOrPresent LocalDate birthDate,
    Gender gender) {}
