package app.lumbra.fhir.bulk;

import app.lumbra.alert.application.AlertPage;
import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.domain.AlertCriteria;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.cohort.application.CohortService;
import app.lumbra.condition.application.ConditionPage;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.domain.ConditionOrder;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.fhir.alert.DetectedIssueFhirMapper;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.system.KeptOnRead;
import app.lumbra.observation.application.ObservationPage;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.observation.domain.ReadingCriteria.ReadingOrder;
import app.lumbra.patient.application.PatientPage;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.domain.VisiblePatients;
import app.lumbra.session.application.SessionPage;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.domain.SessionCriteria;
import app.lumbra.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * The resources of one patient a bulk export writes, type by type and a page at a time, so only a
 * page is in memory however much a patient has. Each is what a read answers (FHIR-1): Lumbra's
 * records with what the partner sent beyond the domain, then the patient's clinical context of the
 * type, and the alerts as DetectedIssue (SAFE-4). {@code _since} keeps those whose {@code
 * meta.lastUpdated} is at or after it (readings are filtered in the query: they are the many).
 */
@ApplicationScoped
public class PatientRecords {

  /** The types an export can hold, in the order they are written. */
  public static final List<String> TYPES =
      List.of(
          "Patient",
          "Condition",
          "CarePlan",
          "Goal",
          "Procedure",
          "Observation",
          "QuestionnaireResponse",
          "DetectedIssue");

  /**
   * The types whose partner records beyond low-back pain are kept as clinical context; a patient's
   * QuestionnaireResponses are kept there whole too.
   */
  private static final List<String> CONTEXT_TYPES =
      List.of("Condition", "CarePlan", "Goal", "Procedure", "Observation", "QuestionnaireResponse");

  private PatientService patients;
  private ConditionService conditions;
  private CarePlanService plans;
  private SessionService sessions;
  private ObservationService observations;
  private AlertService alerts;
  private ClinicalContext context;
  private KeptResources kept;
  private CohortService cohorts;

  /** For the CDI proxy only. */
  protected PatientRecords() {}

  @Inject
  public PatientRecords(
      PatientService patients,
      ConditionService conditions,
      CarePlanService plans,
      SessionService sessions,
      ObservationService observations,
      AlertService alerts,
      ClinicalContext context,
      KeptResources kept,
      CohortService cohorts) {
    this.alerts = alerts;
    this.cohorts = cohorts;
    this.context = context;
    this.kept = kept;
    this.patients = patients;
    this.conditions = conditions;
    this.plans = plans;
    this.sessions = sessions;
    this.observations = observations;
  }

  /**
   * A page of the patients an export goes through. Its own transaction, like {@link #write}: the
   * export runs on a background thread, where reads outside a transaction find no open entity
   * manager, and one patient per transaction keeps what the persistence context holds small.
   */
  @Transactional
  public PatientPage patients(VisiblePatients reach, int offset, int limit) {
    return patients.search("", reach, offset, limit);
  }

  /** The patients a Group of patients lists, in its order, as they are now. */
  @Transactional
  public List<String> members(String groupId) {
    return cohorts.members(groupId);
  }

  /** The patients of {@code ids} (a page of a Group's members) that Lumbra has. */
  @Transactional
  public List<PatientView> patients(List<String> ids) {
    return ids.stream().filter(patients::exists).map(patients::get).toList();
  }

  /** Hands every resource of {@code patient} of the {@code types} changed since {@code since}. */
  @Transactional
  public void write(
      PatientView patient, Set<String> types, OffsetDateTime since, Consumer<Resource> out) {
    Consumer<Resource> changed = resource -> keepIfChanged(resource, since, out);
    String id = patient.id();
    if (types.contains("Patient")) {
      asRead(List.of(PatientFhirMapper.toFhir(patient))).forEach(changed);
    }
    if (types.contains("Condition")) {
      conditions(id, changed);
    }
    if (types.contains("CarePlan") || types.contains("Goal")) {
      plansAndGoals(id, types, changed);
    }
    if (types.contains("Procedure")) {
      sessions(id, changed);
    }
    if (types.contains("Observation")) {
      readings(id, since, out);
    }
    for (String type : CONTEXT_TYPES) {
      if (types.contains(type)) {
        clinicalContext(type, id, changed);
      }
    }
    if (types.contains("DetectedIssue")) {
      alerts(id, changed);
    }
  }

  /** The resources as a read answers them: with what the partner sent, where something was kept. */
  private <T extends DomainResource> List<T> asRead(List<T> projections) {
    if (projections.isEmpty() || projections.stream().allMatch(KeptResources::isComplete)) {
      return projections;
    }
    return kept.read(projections, KeptOnRead.OWNED.get(projections.get(0).fhirType()));
  }

  private void clinicalContext(String type, String patientId, Consumer<Resource> out) {
    ContextCriteria criteria =
        new ContextCriteria(type, patientId, Map.of(), Set.of(), null, null, null, null, false);
    int offset = 0;
    ClinicalContext.Page page;
    do {
      page = context.search(criteria, offset, PageRequest.MAX_LIMIT);
      page.resources().forEach(out);
      offset += page.resources().size();
    } while (page.resources().size() == PageRequest.MAX_LIMIT);
  }

  private void alerts(String patientId, Consumer<Resource> out) {
    AlertCriteria criteria = new AlertCriteria(patientId, null, null, null, null, null, false);
    int offset = 0;
    AlertPage page;
    do {
      page = alerts.search(criteria, offset, PageRequest.MAX_LIMIT);
      page.alerts().forEach(alert -> out.accept(DetectedIssueFhirMapper.toFhir(alert)));
      offset += page.alerts().size();
    } while (page.alerts().size() == PageRequest.MAX_LIMIT);
  }

  private static void keepIfChanged(
      Resource resource, OffsetDateTime since, Consumer<Resource> out) {
    Date updated = resource.getMeta().getLastUpdated();
    if (since == null || updated == null || !updated.toInstant().isBefore(since.toInstant())) {
      out.accept(resource);
    }
  }

  private void conditions(String patientId, Consumer<Resource> out) {
    int offset = 0;
    ConditionPage page;
    do {
      page = conditions.search(patientId, ConditionOrder.RECORDED, offset, PageRequest.MAX_LIMIT);
      asRead(page.conditions().stream().map(ConditionFhirMapper::toFhir).toList()).forEach(out);
      offset += page.conditions().size();
    } while (page.conditions().size() == PageRequest.MAX_LIMIT);
  }

  private void plansAndGoals(String patientId, Set<String> types, Consumer<Resource> out) {
    // A patient has a handful of plans: one page holds them all.
    List<CarePlanView> patientPlans =
        plans
            .search(
                new CarePlanCriteria(patientId, null, null, null, true), 0, PageRequest.MAX_LIMIT)
            .plans();
    for (CarePlanView plan : patientPlans) {
      if (types.contains("CarePlan")) {
        asRead(List.of(CarePlanFhirMapper.toFhir(plan))).forEach(out);
      }
      if (types.contains("Goal")) {
        asRead(
                plan.content().goals().stream()
                    .map(goal -> GoalFhirMapper.toFhir(plans.goal(goal.goalId())))
                    .toList())
            .forEach(out);
      }
    }
  }

  private void sessions(String patientId, Consumer<Resource> out) {
    int offset = 0;
    SessionPage page;
    do {
      page =
          sessions.search(
              new SessionCriteria(patientId, null, null, null, false),
              offset,
              PageRequest.MAX_LIMIT);
      asRead(page.sessions().stream().map(ProcedureFhirMapper::toFhir).toList()).forEach(out);
      offset += page.sessions().size();
    } while (page.sessions().size() == PageRequest.MAX_LIMIT);
  }

  private void readings(String patientId, OffsetDateTime since, Consumer<Resource> out) {
    ReadingCriteria criteria =
        new ReadingCriteria(
            patientId, null, null, null, null, null, since, null, ReadingOrder.RECORDED);
    int offset = 0;
    ObservationPage page;
    do {
      page = observations.search(criteria, offset, PageRequest.MAX_LIMIT, false);
      asRead(page.observations().stream().map(ObservationFhirMapper::toFhir).toList()).forEach(out);
      offset += page.observations().size();
    } while (page.observations().size() == PageRequest.MAX_LIMIT);
  }
}
