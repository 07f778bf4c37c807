package app.lumbra.web.portal.patients;

import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.application.AlertView;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanVersionSummary;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.observation.application.ObservationQuery;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.outcome.application.DischargeSummaryView;
import app.lumbra.outcome.application.OutcomeService;
import app.lumbra.outcome.domain.OutcomeReport;
import app.lumbra.outcome.domain.ReassessmentStatus;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.safety.application.RedFlagScreenView;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.session.application.SessionService;
import app.lumbra.shared.PageRequest;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.Labels;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.PortalSettings;
import app.lumbra.web.portal.PortalTime;
import app.lumbra.web.portal.SubmitAccess;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The patient chart: the patient and condition, their plans, and for the chosen plan the timeline,
 * pain chart, symptom table, adherence, progress with alerts and the plan's version history.
 */
@Named
@ViewScoped
public class PatientChart implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "actions";

  @Inject PatientService patients;
  @Inject ConditionService conditions;
  @Inject CarePlanService plans;
  @Inject SessionService sessions;
  @Inject ObservationService observations;
  @Inject OutcomeService outcomes;
  @Inject PortalSettings settings;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject Clock clock;
  @Inject Labels labels;
  @Inject SubmitAccess access;
  @Inject AlertService alerts;
  @Inject SafetyService safety;

  private String patientId;
  private String planId;
  private PatientView patient;
  private List<ConditionView> conditionList = List.of();
  private List<CarePlanView> planList = List.of();
  private CarePlanView plan;
  private ProgressReport report;
  private OutcomeReport outcome;
  private String functionChartJson;
  private boolean functionChartData;
  private DischargeSummaryView discharge;
  private List<Timeline.Row> timeline = List.of();
  private List<ObservationView> readings = List.of();
  private List<CarePlanVersionSummary> history = List.of();
  private String painChartJson;
  private boolean painChartData;
  private CarePlanView newer;
  private List<AlertView> alertList = List.of();
  private RedFlagScreenView screen;

  public void load() {
    patient = patients.get(patientId);
    conditionList = conditions.listForPatient(patientId);
    planList = plans.listForPatient(patientId);
    plan =
        planList.stream()
            .filter(p -> p.id().equals(planId))
            .findFirst()
            .or(() -> planList.stream().filter(p -> p.status() != PlanStatus.REVOKED).findFirst())
            .orElse(null);
    if (plan == null) {
      return;
    }
    planId = plan.id();
    // OUT-1: the outcome report carries the progress report it was built on.
    outcome = outcomes.report(planId);
    report = outcome.progress();
    functionChartJson = FunctionChart.json(outcome, PortalTime.zone());
    functionChartData = FunctionChart.hasData(outcome);
    discharge = outcomes.dischargeSummary(planId).orElse(null);
    var records = sessions.listForPlan(planId);
    timeline =
        Timeline.of(
            plan.content().phases(),
            plan.content().sessions(),
            records,
            clock.instant(),
            PortalTime.zone());
    readings =
        new ArrayList<>(
            observations
                .list(ObservationQuery.forPlan(planId, 0, PageRequest.MAX_LIMIT))
                .observations());
    painChartJson = PainChart.json(report, readings, settings.thresholds(), PortalTime.zone());
    painChartData = PainChart.hasData(report, readings);
    readings.sort(
        Comparator.comparing((ObservationView o) -> o.effectiveAt().toInstant()).reversed());
    history = plans.history(planId);
    // SAFE-4: every alert of the plan, red flags first; SAFE-1: the current red-flag screen.
    alertList = alerts.forPlan(planId);
    screen = safety.currentScreen(planId).orElse(null);
  }

  public List<AlertView> getAlerts() {
    return alertList;
  }

  public RedFlagScreenView getScreen() {
    return screen;
  }

  public void activate() throws IOException {
    transition(plans::activate);
  }

  public void putOnHold() throws IOException {
    transition(plans::putOnHold);
  }

  public void resume() throws IOException {
    transition(plans::resume);
  }

  public void complete() throws IOException {
    transition(plans::complete);
  }

  public void revoke() throws IOException {
    transition(plans::revoke);
  }

  private void transition(Function<PlanTransition, CarePlanView> change) throws IOException {
    if (!access.mayChangePatient(patientId) || !access.mayChangePlan(planId)) {
      return;
    }
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          CarePlanView changed =
              change.apply(
                  new PlanTransition(
                      planId, plan.version(), security.getCallerPrincipal().getName()));
          PortalForms.redirect(faces, "chart.xhtml?patient=" + patientId + "&plan=" + changed.id());
        },
        () -> newer = plans.get(planId));
  }

  public boolean isCanActivate() {
    return plan != null && (plan.status() == PlanStatus.DRAFT);
  }

  public boolean isCanHold() {
    return plan != null && plan.status() == PlanStatus.ACTIVE;
  }

  public boolean isCanResume() {
    return plan != null && plan.status() == PlanStatus.ON_HOLD;
  }

  public boolean isCanComplete() {
    return plan != null
        && (plan.status() == PlanStatus.ACTIVE || plan.status() == PlanStatus.ON_HOLD);
  }

  public boolean isCanEdit() {
    return plan != null
        && plan.status() != PlanStatus.COMPLETED
        && plan.status() != PlanStatus.REVOKED;
  }

  public String getPatientId() {
    return patientId;
  }

  public void setPatientId(String patientId) {
    this.patientId = patientId;
  }

  public String getPlanId() {
    return planId;
  }

  public void setPlanId(String planId) {
    this.planId = planId;
  }

  /**
   * The chart header's birth line: "Born 1 Jan 1980, age 46", or that neither is known when the EHR
   * sent no birth date (FHIR-6).
   */
  public String getBorn() {
    if (patient == null || patient.birthDate() == null) {
      return "Date of birth not recorded, age not known";
    }
    LocalDate today = LocalDate.now(clock.withZone(PortalTime.zone()));
    return "Born "
        + labels.day(patient.birthDate())
        + patient.ageOn(today).map(age -> ", age " + age).orElse("");
  }

  public PatientView getPatient() {
    return patient;
  }

  public List<ConditionView> getConditions() {
    return conditionList;
  }

  public List<CarePlanView> getPlans() {
    return planList;
  }

  public CarePlanView getPlan() {
    return plan;
  }

  public ProgressReport getReport() {
    return report;
  }

  public OutcomeReport getOutcome() {
    return outcome;
  }

  /** OUT-2 in words: the reassessment due or overdue now, else the next one. */
  public String getReassessmentStatus() {
    if (outcome == null) {
      return "";
    }
    return outcome
        .openReassessment()
        .map(
            due ->
                (due.status() == ReassessmentStatus.OVERDUE ? "Overdue: was due " : "Due ")
                    + labels.day(due.dueOn())
                    + " ("
                    + due.reason()
                    + ")")
        .or(
            () ->
                outcome
                    .nextReassessment()
                    .map(due -> "Next due " + labels.day(due.dueOn()) + " (" + due.reason() + ")"))
        .orElse("None scheduled: the plan is finished.");
  }

  public boolean isReassessmentOpen() {
    return outcome != null && outcome.openReassessment().isPresent();
  }

  public String getFunctionChartJson() {
    return functionChartJson;
  }

  public boolean isFunctionChartData() {
    return functionChartData;
  }

  /** OUT-3: the discharge summary, null unless the patient was discharged from this plan. */
  public DischargeSummaryView getDischarge() {
    return discharge;
  }

  public List<Timeline.Row> getTimeline() {
    return timeline;
  }

  public List<ObservationView> getReadings() {
    return readings;
  }

  public List<CarePlanVersionSummary> getHistory() {
    return history;
  }

  public String getPainChartJson() {
    return painChartJson;
  }

  public boolean isPainChartData() {
    return painChartData;
  }

  public CarePlanView getNewer() {
    return newer;
  }
}
