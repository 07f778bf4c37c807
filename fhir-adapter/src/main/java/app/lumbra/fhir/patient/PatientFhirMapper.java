package app.lumbra.fhir.patient;

import app.lumbra.exchange.application.PatientWrite;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.application.UpdatePatient;
import app.lumbra.patient.domain.Gender;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeType;
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

  /**
   * The elements the domain owns (FHIR-1 "keep"): the projection is their authority; everything
   * else a partner sends (telecom, address, communication, US Core extensions, ...) is kept as
   * sent.
   */
  public static final Set<String> OWNED =
      Set.of("identifier", "name", "birthDate", "gender", "extension");

  private static final String DATA_ABSENT_REASON =
      "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

  private static final char NO_BREAK_SPACE = '\u00A0';

  private PatientFhirMapper() {}

  public static Patient toFhir(PatientView view) {
    Patient patient = new Patient();
    patient.setIdElement(new IdType("Patient", view.id(), Long.toString(view.version())));
    patient.getMeta().setVersionId(Long.toString(view.version()));
    patient.getMeta().setLastUpdated(FhirTime.date(view.updatedAt()));
    patient.getMeta().addProfile(Terminology.US_CORE_PATIENT);
    for (IdentifierData identifier : view.identifiers()) {
      patient.addIdentifier().setSystem(identifier.system()).setValue(identifier.value());
    }
    if (view.familyName() != null || view.givenNames() != null) {
      HumanName name = patient.addName().setFamily(view.familyName());
      if (view.givenNames() != null) {
        for (String given : view.givenNames().split("\\s+")) {
          name.addGiven(given.replace(NO_BREAK_SPACE, ' '));
        }
      }
    } else {
      // FHIR-6: known by an identifier alone; US Core (us-core-6) then asks why the name is absent.
      patient.addName().addExtension(DATA_ABSENT_REASON, new CodeType("unknown"));
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
      Gender gender)
      implements PatientWrite.Statement {

    public RegisterPatient toRegister() {
      return toRegister(null);
    }

    /** Registration under the client's id, or a new one when {@code id} is null (FHIR-8). */
    @Override
    public RegisterPatient toRegister(String id) {
      return new RegisterPatient(id, identifiers, familyName, givenNames, birthDate, gender);
    }

    @Override
    public UpdatePatient toUpdate(String id, long expectedVersion) {
      return new UpdatePatient(
          id, expectedVersion, identifiers, familyName, givenNames, birthDate, gender);
    }
  }

  /**
   * What the domain takes of a FHIR Patient (FHIR-6): the identifiers that name a system and a
   * value, and the official name (else the usual one, else the first); the rest is kept as sent.
   */
  public static PatientData toDomain(Patient patient) {
    List<IdentifierData> identifiers =
        patient.getIdentifier().stream()
            .filter(i -> i.hasSystem() && i.hasValue())
            .map((Identifier i) -> new IdentifierData(i.getSystem(), i.getValue()))
            .toList();
    HumanName name = chosenName(patient.getName());
    String given =
        name.getGiven().stream()
            .map(StringType::getValue)
            .filter(Objects::nonNull)
            .map(value -> value.replace(' ', NO_BREAK_SPACE))
            .collect(Collectors.joining(" "));
    Gender gender =
        patient.hasGender() && patient.getGender() != AdministrativeGender.NULL
            ? Gender.valueOf(patient.getGender().toCode().toUpperCase())
            : null;
    return new PatientData(
        identifiers,
        name.hasFamily() ? name.getFamily() : null,
        given.isBlank() ? null : given,
        FhirTime.localDate("Patient.birthDate", patient.getBirthDateElement()),
        gender);
  }

  private static HumanName chosenName(List<HumanName> names) {
    for (HumanName.NameUse use : List.of(HumanName.NameUse.OFFICIAL, HumanName.NameUse.USUAL)) {
      for (HumanName name : names) {
        if (name.getUse() == use) {
          return name;
        }
      }
    }
    return names.isEmpty() ? new HumanName() : names.get(0);
  }
}
