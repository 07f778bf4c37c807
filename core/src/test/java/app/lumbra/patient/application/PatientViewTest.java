package app.lumbra.patient.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientViewTest {

  private static PatientView patient(
      List<IdentifierData> identifiers, String family, String given, LocalDate born) {
    return new PatientView("p-1", 1, identifiers, family, given, born, null, null, null);
  }

  @Test
  void displayNameShowsOnlyTheNamesThatAreKnownFhir6() {
    assertThat(patient(List.of(), "Meyer", "Anna", null).displayName()).isEqualTo("Meyer, Anna");
    assertThat(patient(List.of(), "Meyer", null, null).displayName()).isEqualTo("Meyer");
    assertThat(patient(List.of(), null, "Anna", null).displayName()).isEqualTo("Anna");
  }

  @Test
  void aPatientKnownOnlyByAnIdentifierIsShownWithItFhir6() {
    assertThat(
            patient(List.of(new IdentifierData("urn:mrn", "100234")), null, null, null)
                .displayName())
        .isEqualTo("Name not recorded (100234)");
  }

  @Test
  void ageIsNotKnownWithoutABirthDate() {
    LocalDate today = LocalDate.of(2026, 3, 2);
    assertThat(patient(List.of(), "Meyer", null, null).ageOn(today)).isEmpty();
    assertThat(patient(List.of(), "Meyer", null, LocalDate.of(1980, 3, 3)).ageOn(today))
        .contains(45);
  }
}
