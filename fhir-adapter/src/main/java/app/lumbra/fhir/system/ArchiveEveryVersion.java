package app.lumbra.fhir.system;

import app.lumbra.condition.application.ConditionChanged;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.support.VersionHistory;
import app.lumbra.patient.application.PatientChanged;
import app.lumbra.session.application.SessionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * FHIR-2 {@code vread} and {@code _history} of Patient, Condition and Procedure: every version the
 * application services write, whatever the channel (FHIR, portal, demo data), is archived as the
 * FHIR interface shows it, in the transaction of the change (a failed archive rolls the change
 * back). The replaced version is archived too when it is not yet, so records last written before
 * the archive existed keep their previous version.
 */
@ApplicationScoped
public class ArchiveEveryVersion {

  private VersionHistory history;

  /** For the CDI proxy only. */
  protected ArchiveEveryVersion() {}

  @Inject
  public ArchiveEveryVersion(VersionHistory history) {
    this.history = history;
  }

  void patientChanged(@Observes PatientChanged change) {
    if (change.previous() != null) {
      history.keep(PatientFhirMapper.toFhir(change.previous()));
    }
    history.keep(PatientFhirMapper.toFhir(change.current()));
  }

  void conditionChanged(@Observes ConditionChanged change) {
    if (change.previous() != null) {
      history.keep(ConditionFhirMapper.toFhir(change.previous()));
    }
    history.keep(ConditionFhirMapper.toFhir(change.current()));
  }

  void sessionChanged(@Observes SessionChanged change) {
    if (change.previous() != null) {
      history.keep(ProcedureFhirMapper.toFhir(change.previous()));
    }
    history.keep(ProcedureFhirMapper.toFhir(change.current()));
  }
}
