package app.lumbra.fhir.system;

import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.domain.AlertCriteria;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.fhir.alert.DetectedIssueFhirMapper;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.server.PlainProvider;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.outcome.application.OutcomeService;
import app.lumbra.patient.application.PatientService;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.domain.SessionCriteria;
import app.lumbra.shared.PageRequest;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code Patient/[id]/$everything}: the patient with their conditions, care plans, goals, sessions,
 * readings, alerts (as DetectedIssue, SAFE-4) and clinical context, each list read with one paged
 * query of the largest page.
 */
@ApplicationScoped
public class PatientEverythingProvider implements PlainProvider {

  private PatientService patients;
  private ConditionService conditions;
  private CarePlanService plans;
  private SessionService sessions;
  private ObservationService observations;
  private ClinicalContext context;
  private AlertService alerts;
  private OutcomeService outcomes;

  /** For the CDI proxy only. */
  protected PatientEverythingProvider() {}

  @Inject
  public PatientEverythingProvider(
      PatientService patients,
      ConditionService conditions,
      CarePlanService plans,
      SessionService sessions,
      ObservationService observations,
      ClinicalContext context,
      AlertService alerts,
      OutcomeService outcomes) {
    this.context = context;
    this.alerts = alerts;
    this.outcomes = outcomes;
    this.patients = patients;
    this.conditions = conditions;
    this.plans = plans;
    this.sessions = sessions;
    this.observations = observations;
  }

  @Operation(name = "$everything", idempotent = true, type = Patient.class)
  public Bundle everything(@IdParam IdType id, RequestDetails request) {
    String patientId = id.getIdPart();
    List<Resource> resources = new ArrayList<>();
    resources.add(PatientFhirMapper.toFhir(patients.get(patientId)));
    conditions
        .search(patientId, 0, PageRequest.MAX_LIMIT)
        .conditions()
        .forEach(condition -> resources.add(ConditionFhirMapper.toFhir(condition)));
    List<CarePlanView> patientPlans =
        plans
            .search(
                new CarePlanCriteria(patientId, null, null, null, true), 0, PageRequest.MAX_LIMIT)
            .plans();
    for (CarePlanView plan : patientPlans) {
      // OUT-3: a plan completed by discharge carries its summary, as a read of it does.
      resources.add(
          CarePlanFhirMapper.toFhir(
              plan,
              plan.status() == PlanStatus.COMPLETED
                  ? outcomes.dischargeSummary(plan.id())
                  : Optional.empty()));
      plan.content()
          .goals()
          .forEach(goal -> resources.add(GoalFhirMapper.toFhir(plans.goal(goal.goalId()))));
    }
    sessions
        .search(new SessionCriteria(patientId, null, null, null, false), 0, PageRequest.MAX_LIMIT)
        .sessions()
        .forEach(session -> resources.add(ProcedureFhirMapper.toFhir(session)));
    observations
        .search(
            new ReadingCriteria(patientId, null, null, null, null, null, null, null, null),
            0,
            PageRequest.MAX_LIMIT)
        .observations()
        .forEach(observation -> resources.add(ObservationFhirMapper.toFhir(observation)));
    alerts
        .search(
            new AlertCriteria(patientId, null, null, null, null, null, false),
            0,
            PageRequest.MAX_LIMIT)
        .alerts()
        .forEach(alert -> resources.add(DetectedIssueFhirMapper.toFhir(alert)));
    // The patient's clinical context: everything partners sent that is not about low-back pain.
    // With what the patient filled in over FHIR (OUT-5), kept the same way.
    for (String type :
        List.of(
            "Condition", "Goal", "CarePlan", "Procedure", "Observation", "QuestionnaireResponse")) {
      context
          .search(
              new ContextCriteria(
                  type, patientId, Map.of(), Set.of(), null, null, null, null, false),
              0,
              PageRequest.MAX_LIMIT)
          .resources()
          .forEach(resources::add);
    }
    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.SEARCHSET);
    bundle.setTotal(resources.size());
    for (Resource resource : resources) {
      bundle
          .addEntry()
          .setFullUrl(
              resource
                  .getIdElement()
                  .withServerBase(request.getFhirServerBase(), resource.fhirType())
                  .toVersionless()
                  .getValue())
          .setResource(resource);
    }
    return bundle;
  }
}
