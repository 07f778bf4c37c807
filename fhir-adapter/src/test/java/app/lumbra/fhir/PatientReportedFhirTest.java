package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.observation.domain.MedicationUse;
import app.lumbra.observation.domain.ObservationCode;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** OUT-5 item 6: what the patient reported names the Patient as performer over FHIR. */
class PatientReportedFhirTest {

  @Test
  void OUT5_aPatientReportedReadingHasThePatientAsPerformer() {
    Observation medication =
        ObservationFhirMapper.toFhir(
            FhirViews.diaryReading(ObservationCode.MEDICATION_USE, MedicationUse.of(2)));

    assertThat(medication.getPerformer())
        .extracting(Reference::getReference)
        .containsExactly("Patient/" + FhirViews.PATIENT);
    assertThat(medication.getValueQuantity().getValue().intValue()).isEqualTo(2);
    assertThat(UsCoreValidator.get().errors(medication)).isEmpty();
  }

  @Test
  void OUT5_aClinicianRecordedReadingNamesNoPerformer() {
    Observation pain = ObservationFhirMapper.toFhir(FhirViews.prePainOfSession());

    assertThat(pain.getPerformer()).isEmpty();
  }
}
