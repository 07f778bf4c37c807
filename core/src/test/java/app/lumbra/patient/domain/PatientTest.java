package app.lumbra.patient.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientTest {

  private static final EhrIdentifier MRN = EhrIdentifier.of("urn:mrn", "42");

  private static PatientDetails details(LocalDate birthDate) {
    return new PatientDetails(List.of(MRN), "Meyer", "Anna", birthDate, Gender.FEMALE);
  }

  @Test
  void registeredPatientGetsRandomUuidAndSearchKeys() {
    Patient patient =
        Patient.register(details(LocalDate.of(1980, 1, 1)), TestClocks.MONDAY_MORNING);

    assertThat(patient.id().value()).hasSize(36);
    assertThat(patient.isKnownAs(EhrIdentifier.of(" urn:mrn ", "42"))).isTrue();
    assertThat(patient.registeredAt()).isEqualTo(patient.updatedAt());
  }

  @Test
  void birthDateInTheFutureIsRejectedNamingTheField() {
    assertThatThrownBy(
            () -> Patient.register(details(LocalDate.of(2026, 3, 3)), TestClocks.MONDAY_MORNING))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("birthDate")
        .hasMessageContaining("1900-01-01 to 2026-03-02");
  }

  @Test
  void blankNameCountsAsNotRecorded() {
    PatientDetails details =
        new PatientDetails(List.of(), " ", "Anna", LocalDate.of(1980, 1, 1), null);
    assertThat(details.familyName()).isNull();
    assertThat(details.givenNames()).isEqualTo("Anna");
  }

  @Test
  void aFamilyNameAloneIsEnoughFhir6() {
    Patient patient =
        Patient.register(
            new PatientDetails(List.of(), "Meyer", null, null, null), TestClocks.MONDAY_MORNING);
    assertThat(patient.familyName()).contains("Meyer");
    assertThat(patient.givenNames()).isEmpty();
    assertThat(patient.birthDate()).isEmpty();
  }

  @Test
  void aGivenNameAloneIsEnoughFhir6() {
    Patient patient =
        Patient.register(
            new PatientDetails(List.of(), null, "Anna", null, null), TestClocks.MONDAY_MORNING);
    assertThat(patient.familyName()).isEmpty();
    assertThat(patient.givenNames()).contains("Anna");
  }

  @Test
  void anIdentifierAloneIsEnoughFhir6() {
    Patient patient =
        Patient.register(
            new PatientDetails(List.of(MRN), null, null, null, null), TestClocks.MONDAY_MORNING);
    assertThat(patient.isKnownAs(MRN)).isTrue();
    assertThat(patient.birthDate()).isEmpty();
  }

  @Test
  void aPatientWithNeitherNameNorIdentifierIsRefusedNamingTheFieldsFhir6() {
    assertThatThrownBy(
            () -> new PatientDetails(List.of(), " ", null, LocalDate.of(1980, 1, 1), null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("familyName, givenNames, identifiers")
        .hasMessageContaining("at least a family name, a given name or an identifier (FHIR-6)");
  }

  @Test
  void overlongNameIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new PatientDetails(List.of(), "x".repeat(201), null, null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("familyName");
  }

  @Test
  void repeatedIdentifierIsKeptOnce() {
    PatientDetails details =
        new PatientDetails(
            List.of(MRN, EhrIdentifier.of("urn:mrn", "42")),
            "M",
            "A",
            LocalDate.of(1980, 1, 1),
            null);
    assertThat(details.identifiers()).containsExactly(MRN);
  }

  @Test
  void patientIdMayBeAnyFhirIdTheEhrChose() {
    // FHIR-8: update-as-create with a client-assigned id.
    assertThat(PatientId.of("mrn-123").value()).isEqualTo("mrn-123");
    assertThat(PatientId.of("123").value()).isEqualTo("123");
    assertThat(PatientId.of("A.b-9".repeat(12) + "abcd").value()).hasSize(64);
  }

  @Test
  void patientIdThatIsNoFhirIdIsRefusedNamingTheField() {
    assertThatThrownBy(() -> PatientId.of("mrn 123"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("patientId")
        .hasMessageContaining("FHIR-8");
    assertThatThrownBy(() -> PatientId.of("x".repeat(65)))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> PatientId.of("")).isInstanceOf(InvalidValueException.class);
  }
}
