package app.lumbra.intake.application;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.patient.application.PatientService;
import app.lumbra.shared.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Readings entered from outside a session record, from the portal or over FHIR, under the rule
 * every reading follows: it is of a patient Lumbra knows, and its care plan, when it names one, is
 * that patient's. Otherwise it could never be found from the patient, and another patient's plan
 * would count it. A refusal names {@code patientId} or {@code carePlanId} and rule FHIR-4 (which
 * says how a refusal is answered over FHIR: 422).
 */
@ApplicationScoped
@Transactional
public class ReadingIntake {

  static final String RULE = "FHIR-4";

  @Inject ObservationService observations;
  @Inject PatientService patients;
  @Inject CarePlanService plans;

  /**
   * Records one reading. The reading is validated once, by {@link ObservationService#record} (a
   * second validation here cost 3 % of a Bundle of readings); the reference rule needs only the
   * patient, which that validation refuses when missing.
   */
  public ObservationView record(@NotNull RecordReading reading) {
    requireKnownReferences(reading.patientId(), reading.carePlanId());
    return observations.record(reading);
  }

  /** Records readings taken together (a diary entry, OBS-1, OBS-2): all of them or none. */
  public List<ObservationView> recordAll(@NotEmpty List<@NotNull @Valid RecordReading> readings) {
    return readings.stream().map(this::record).toList();
  }

  private void requireKnownReferences(String patientId, String carePlanId) {
    if (patientId == null) {
      return;
    }
    if (!patients.exists(patientId)) {
      throw new RuleViolationException(
          RULE, "patientId", "Patient/" + patientId + " does not exist in Lumbra");
    }
    if (carePlanId != null && !patientId.equals(plans.patientOf(carePlanId).orElse(null))) {
      throw new RuleViolationException(
          RULE,
          "carePlanId",
          "CarePlan/" + carePlanId + " is not a care plan of Patient/" + patientId);
    }
  }
}
