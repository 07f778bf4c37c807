package app.lumbra.patient.application;

import app.lumbra.patient.domain.Gender;
import app.lumbra.patient.domain.Patient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A patient as the boundaries show it. {@code familyName}, {@code givenNames}, {@code birthDate}
 * and {@code gender} are null when the record does not say (FHIR-6: a name or an identifier is
 * enough); {@link #displayName()} and {@link #ageOn(LocalDate)} say how to show that.
 */
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

  /** How a patient whose names were not recorded is shown, followed by an identifier if any. */
  public static final String NAME_NOT_RECORDED = "Name not recorded";

  static PatientView of(Patient patient) {
    return new PatientView(
        patient.id().value(),
        patient.version(),
        patient.identifiers().stream().map(IdentifierData::of).toList(),
        patient.familyName().orElse(null),
        patient.givenNames().orElse(null),
        patient.birthDate().orElse(null),
        patient.gender().orElse(null),
        patient.registeredAt(),
        patient.updatedAt());
  }

  /**
   * "Family, Given" as lists and headers show it; only the part that is known; "Name not recorded
   * (value)" with the first identifier when no name is.
   */
  public String displayName() {
    String names =
        Stream.of(familyName, givenNames)
            .filter(part -> part != null && !part.isBlank())
            .collect(Collectors.joining(", "));
    if (!names.isEmpty()) {
      return names;
    }
    return identifiers.isEmpty()
        ? NAME_NOT_RECORDED
        : NAME_NOT_RECORDED + " (" + identifiers.get(0).value() + ")";
  }

  /** Age in whole years on {@code day}; empty when the birth date was not recorded. */
  public Optional<Integer> ageOn(LocalDate day) {
    return Optional.ofNullable(birthDate).map(born -> Period.between(born, day).getYears());
  }
}
