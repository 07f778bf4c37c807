package app.lumbra.patient.application;

import app.lumbra.patient.domain.Gender;
import app.lumbra.patient.domain.Patient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A patient as the boundaries show it; {@code gender} is null when unknown. */
public record PatientView(
    String id,
    long version,
    List<IdentifierData> identifiers,
    String familyName,
    String givenNames,
    LocalDate birthDate,
    Gender gender,
    OffsetDateTime registeredAt,
    OffsetDateTime updatedAt) {

  static PatientView of(Patient patient) {
    return new PatientView(
        patient.id().value(),
        patient.version(),
        patient.identifiers().stream().map(IdentifierData::of).toList(),
        patient.familyName(),
        patient.givenNames(),
        patient.birthDate(),
        patient.gender().orElse(null),
        patient.registeredAt(),
        patient.updatedAt());
  }
}
