package app.lumbra.fhir.patient;

import app.lumbra.fhir.support.Elements;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.application.UpdatePatient;
import app.lumbra.patient.domain.Gender;
import app.lumbra.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * Patient ⇄ FHIR {@code Patient} (FHIR-1): EHR identifiers, one official name, birth date, gender;
 * the registration time travels in an extension.
 *
 * <p>The domain keeps the given names as one text, as the portal shows and edits them: the given
 * elements joined by spaces. A space inside one given element ("Mary Ann") is kept as a no-break
 * space (U+00A0), which looks the same in the portal, so the element comes back whole rather than
 * as two given names.
 */
public final class PatientFhirMapper {

  private static final Set<String> PATIENT =
      Set.of("id", "meta", "text", "identifier", "name", "birthDate", "gender", "extension");
  private static final Set<String> EXTENSIONS = Set.of(Extensions.REGISTERED_AT);

  private static final char NO_BREAK_SPACE = '\u00A0';

  private PatientFhirMapper() {}

  public static Patient toFhir(PatientView view) {
    Patient patient = new Patient();
    patient.setIdElement(new IdType("Patient", view.id(), Long.toString(view.version())));
    patient.getMeta().setVersionId(Long.toString(view.version()));
    patient.getMeta().setLastUpdated(FhirTime.date(view.updatedAt()));
    for (IdentifierData identifier : view.identifiers()) {
      patient.addIdentifier().setSystem(identifier.system()).setValue(identifier.value());
    }
    HumanName name = patient.addName().setFamily(view.familyName());
    // FHIR-6: a patient may be known by a family name or an identifier alone.
    for (String given :
        view.givenNames() == null ? new String[0] : view.givenNames().split("\\s+")) {
      name.addGiven(given.replace(NO_BREAK_SPACE, ' '));
    }
    patient.setBirthDateElement(FhirTime.date(view.birthDate()));
    if (view.gender() != null) {
      patient.setGender(AdministrativeGender.fromCode(view.gender().name().toLowerCase()));
    }
    patient
        .addExtension()
        .setUrl(Terminology.extension(Extensions.REGISTERED_AT))
        .setValue(FhirTime.dateTime(view.registeredAt()));
    return patient;
  }

  /** What a FHIR client sends, checked for elements Lumbra does not store. */
  public record PatientData(
      List<IdentifierData> identifiers,
      String familyName,
      String givenNames,
      LocalDate birthDate,
      Gender gender) {

    public RegisterPatient toRegister() {
      return new RegisterPatient(identifiers, familyName, givenNames, birthDate, gender);
    }

    public UpdatePatient toUpdate(String id, long expectedVersion) {
      return new UpdatePatient(
          id, expectedVersion, identifiers, familyName, givenNames, birthDate, gender);
    }
  }

  public static PatientData toDomain(Patient patient) {
    Elements.onlyThese(patient, "Patient", PATIENT, EXTENSIONS);
    for (int i = 0; i < patient.getIdentifier().size(); i++) {
      Elements.onlyThese(
          patient.getIdentifier().get(i),
          "Patient.identifier[" + i + "]",
          Set.of("system", "value"),
          Set.of());
    }
    List<IdentifierData> identifiers =
        patient.getIdentifier().stream()
            .map((Identifier i) -> new IdentifierData(i.getSystem(), i.getValue()))
            .toList();
    if (patient.getName().size() != 1) {
      throw new InvalidValueException(
          "Patient.name", patient.getName().size() + " names", "exactly one name");
    }
    HumanName name = patient.getNameFirstRep();
    Elements.onlyThese(name, "Patient.name[0]", Set.of("family", "given"), Set.of());
    String given =
        name.getGiven().stream()
            .map(StringType::getValue)
            .filter(java.util.Objects::nonNull)
            .map(value -> value.replace(' ', NO_BREAK_SPACE))
            .collect(Collectors.joining(" "));
    Gender gender =
        patient.hasGender() && patient.getGender() != AdministrativeGender.NULL
            ? Gender.valueOf(patient.getGender().toCode().toUpperCase())
            : null;
    return new PatientData(
        identifiers,
        name.getFamily(),
        given.isBlank() ? null : given,
        FhirTime.localDate("Patient.birthDate", patient.getBirthDateElement()),
        gender);
  }
}
