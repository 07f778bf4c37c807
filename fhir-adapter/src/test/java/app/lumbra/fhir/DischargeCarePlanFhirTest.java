package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.outcome.application.DischargeSummaryView;
import app.lumbra.outcome.domain.DischargeReason;
import app.lumbra.outcome.domain.TrackedMeasure;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * OUT-3 over FHIR: a plan completed by discharge carries its summary in the narrative and refers to
 * the final pain and function readings from its massage activity, and still validates against US
 * Core 8.0.0 with zero errors (FHIR-5).
 */
class DischargeCarePlanFhirTest {

  private static CarePlanView completed() {
    CarePlanView active = FhirViews.activePlan();
    return new CarePlanView(
        active.id(),
        active.version() + 1,
        active.patientId(),
        active.conditionId(),
        PlanStatus.COMPLETED,
        active.content(),
        active.projection(),
        active.warnings(),
        active.structuralCauseStatement(),
        active.createdAt(),
        active.createdBy(),
        active.updatedAt(),
        active.updatedBy(),
        active.lastChange());
  }

  private static DischargeSummaryView recovered(CarePlanView plan) {
    return new DischargeSummaryView(
        plan.id(),
        plan.patientId(),
        OffsetDateTime.parse("2026-04-13T10:00:00+02:00"),
        "dr.kim",
        DischargeReason.RECOVERED,
        null,
        5.7,
        1.0,
        TrackedMeasure.ROLAND_MORRIS,
        12.0,
        2.0,
        8,
        8,
        0.75,
        List.of(TrackedMeasure.PAIN, TrackedMeasure.ROLAND_MORRIS),
        List.of(),
        List.of("pain-final", "rmdq-final"));
  }

  @Test
  void OUT3_dischargeSummaryIsInTheNarrativeAndTheOutcomeReferences() {
    CarePlanView plan = completed();

    CarePlan fhir = CarePlanFhirMapper.toFhir(plan, Optional.of(recovered(plan)));

    assertThat(fhir.getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
    String narrative = fhir.getText().getDivAsString();
    assertThat(narrative)
        .contains("Discharge summary")
        .contains("Discharged because the patient has recovered, by dr.kim on 2026-04-13.")
        .contains("Pain (0–10): 5.7 at baseline, 1.0 at discharge.")
        .contains("Function (Roland–Morris disability (RMDQ)): 12.0 at baseline, 2.0 at discharge.")
        .contains("Sessions attended: 8 of 8 due; home care done on 75 % of days.");
    List<CarePlan.CarePlanActivityComponent> activities = fhir.getActivity();
    assertThat(
            activities.stream()
                .flatMap(activity -> activity.getOutcomeReference().stream())
                .map(Reference::getReference)
                .toList())
        .containsExactly("Observation/pain-final", "Observation/rmdq-final");
    assertThat(UsCoreValidator.get().errors(fhir)).isEmpty();
  }

  @Test
  void OUT3_aPlanWithoutDischargeHasNoSummaryOrOutcomes() {
    CarePlan fhir = CarePlanFhirMapper.toFhir(completed());

    assertThat(fhir.getText().getDivAsString()).doesNotContain("Discharge summary");
    assertThat(fhir.getActivity()).allMatch(activity -> activity.getOutcomeReference().isEmpty());
  }
}
