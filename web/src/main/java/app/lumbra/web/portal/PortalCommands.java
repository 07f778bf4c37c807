package app.lumbra.web.portal;

import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.RecordCondition;
import app.lumbra.condition.application.ReviseCondition;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.homecare.application.HomeCareService;
import app.lumbra.homecare.application.LogHomeCare;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.application.UpdatePatient;
import app.lumbra.session.application.MarkSessionMissed;
import app.lumbra.session.application.ScheduleSession;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.shared.vocabulary.TargetRegion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Portal steps that take more than one use case and must be all or nothing: each method is one
 * transaction around application-service calls (which join it), so a refusal of a later call rolls
 * back the earlier ones and nothing of a rejected form is stored.
 */
@ApplicationScoped
@Transactional
public class PortalCommands {

  /** The low-back-pain condition as the patient form edits it. */
  public record ConditionForm(
      OnsetType onsetType,
      LocalDate onsetDate,
      Integer painScore,
      SeverityCategory severity,
      Set<StructuralCause> structuralCauses,
      String note) {}

  @Inject PatientService patients;
  @Inject ConditionService conditions;
  @Inject SessionService sessions;
  @Inject ObservationService observations;
  @Inject HomeCareService homeCare;

  /** Registers a patient together with their low-back-pain condition. */
  public PatientView register(RegisterPatient patient, ConditionForm condition) {
    PatientView registered = patients.register(patient);
    conditions.record(
        new RecordCondition(
            registered.id(),
            condition.onsetType(),
            condition.onsetDate(),
            condition.painScore(),
            condition.severity(),
            condition.structuralCauses(),
            condition.note()));
    return registered;
  }

  /**
   * Corrects a patient and revises (or, when there is none yet, records) their condition; both
   * based on the versions the clinician read.
   */
  public PatientView update(
      UpdatePatient patient, String conditionId, long conditionVersion, ConditionForm condition) {
    PatientView updated = patients.update(patient);
    if (conditionId == null) {
      conditions.record(
          new RecordCondition(
              updated.id(),
              condition.onsetType(),
              condition.onsetDate(),
              condition.painScore(),
              condition.severity(),
              condition.structuralCauses(),
              condition.note()));
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

  /** A planned time the patient did not come to, with no session record yet (OBS-3). */
  public SessionView recordMissed(
      String carePlanId,
      String patientId,
      OffsetDateTime scheduledAt,
      Set<TargetRegion> regions,
      String reason) {
    SessionView planned =
        sessions.schedule(
            new ScheduleSession(carePlanId, patientId, scheduledAt, null, null, regions));
    // Created a moment ago in this transaction: no version to compare with.
    return sessions.markMissed(new MarkSessionMissed(planned.id(), null, reason));
  }

  /** Readings taken together, e.g. a diary entry between sessions (OBS-1, OBS-2). */
  public void recordReadings(List<RecordReading> readings) {
    readings.forEach(observations::record);
  }

  /** Home care of one day, every task at once (ADH-3). */
  public void logHomeCare(List<LogHomeCare> entries) {
    entries.forEach(homeCare::log);
  }
}
