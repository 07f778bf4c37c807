package app.lumbra.intake.application;

import app.lumbra.careteam.application.CareTeams;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.RecordCondition;
import app.lumbra.condition.application.ReviseCondition;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.application.UpdatePatient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A patient and their low-back-pain condition, entered together: one transaction, so a refusal of
 * the condition leaves no patient behind and nothing of a rejected form is stored.
 */
@ApplicationScoped
@Transactional
public class PatientIntake {

  @Inject PatientService patients;
  @Inject ConditionService conditions;
  @Inject CareTeams careTeams;

  /**
   * Registers a patient with their condition; the patient joins the care team of {@code
   * registeredBy} (a clinician's new patient is their team's), if that user has one.
   */
  public PatientView register(
      @NotNull @Valid RegisterPatient patient,
      @NotNull ConditionDetails condition,
      @NotNull String registeredBy) {
    PatientView registered = patients.register(patient);
    conditions.record(record(registered.id(), condition));
    careTeams.assignToTeamOf(registered.id(), registeredBy);
    return registered;
  }

  /**
   * Corrects a patient and revises their condition (or records it when there is none yet, {@code
   * conditionId} null), both against the versions the clinician read.
   */
  public PatientView update(
      @NotNull @Valid UpdatePatient patient,
      String conditionId,
      long conditionVersion,
      @NotNull ConditionDetails condition) {
    PatientView updated = patients.update(patient);
    if (conditionId == null) {
      conditions.record(record(updated.id(), condition));
    } else {
      conditions.revise(
          new ReviseCondition(
              conditionId,
              conditionVersion,
              condition.onsetType(),
              condition.onsetDate(),
              condition.painScore(),
              condition.severity(),
              condition.structuralCauses(),
              condition.note()));
    }
    return updated;
  }

  private static RecordCondition record(String patientId, ConditionDetails condition) {
    return new RecordCondition(
        patientId,
        condition.onsetType(),
        condition.onsetDate(),
        condition.painScore(),
        condition.severity(),
        condition.structuralCauses(),
        condition.note());
  }
}
