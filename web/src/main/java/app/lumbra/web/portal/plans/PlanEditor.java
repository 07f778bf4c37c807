package app.lumbra.web.portal.plans;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.EditCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.application.RecheckPlan;
import app.lumbra.careplan.application.RecommendCarePlan;
import app.lumbra.careplan.application.RecommendationView;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
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
import java.time.OffsetDateTime;

/**
 * New care plan (PLAN-13): the patient's factors, the recommended plan with its projection,
 * warnings and expectations, the clinician's edits, a re-check and saving. Also edits a stored plan
 * ({@code ?plan=}), refusing a stale version and showing the newer one (PLAN-14).
 */
@Named
@ViewScoped
public class PlanEditor implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "f";

  @Inject CarePlanService plans;
  @Inject PatientService patients;
  @Inject ConditionService conditions;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject Clock clock;
  @Inject SubmitAccess access;

  private String patientId;
  private String planId;
  private PatientView patient;
  private String conditionId;
  private final FactorsForm patientFactors = new FactorsForm();

  // Asked with the factors; the recommended plan then carries it.
  private String exerciseProgramme;
  private LocalDate startDate;

  // The plan being edited
  private boolean proposed;
  private long version;
  private PlanDraft draft = new PlanDraft();
  private boolean checked;
  private boolean activateNow = true;
  private CarePlanView newer;

  /** New plan: factors from the patient's active condition; edit: the stored plan. */
  public void load() {
    if (planId != null && !planId.isBlank()) {
      fill(plans.get(planId));
      patient = patients.get(patientId);
      return;
    }
    patient = patients.get(patientId);
    startDate = LocalDate.now(clock.withZone(PortalTime.zone()));
    conditions.listForPatient(patientId).stream()
        .filter(c -> c.status() == ConditionStatus.ACTIVE)
        .findFirst()
        .ifPresent(this::prefill);
  }

  private void prefill(ConditionView condition) {
    conditionId = condition.id();
    patientFactors.prefill(condition);
  }

  private void fill(CarePlanView plan) {
    planId = plan.id();
    patientId = plan.patientId();
    conditionId = plan.conditionId();
    version = plan.version();
    draft = new PlanDraft();
    draft.fill(plan);
    exerciseProgramme = plan.content().exerciseProgramme();
    proposed = true;
    checked = true;
  }

  /** The submission's patient and plan must still be of the user's care team. */
  private boolean allowed() throws IOException {
    return access.mayChangePatient(patientId) && access.mayChangePlan(planId);
  }

  /** PLAN-13: asks for a recommended plan from the factors; stores nothing. */
  public void recommend() throws IOException {
    if (!allowed()) {
      return;
    }
    FactorsData data = patientFactors.toData();
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          RecommendationView recommendation =
              plans.recommend(
                  new RecommendCarePlan(
                      patientId,
                      conditionId,
                      data,
                      PortalForms.text(exerciseProgramme),
                      startDate));
          draft = new PlanDraft();
          draft.fill(recommendation);
          proposed = true;
          checked = true;
        });
  }

  /**
   * PLAN-13: the edited plan checked against the same rules (warnings, not silent changes), with
   * its time and cost projected again (PLAN-10).
   */
  public void recheck() throws IOException {
    if (!allowed()) {
      return;
    }
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          draft.apply(
              plans.recheck(
                  new RecheckPlan(patientId, editingId(), draft.content(), needsSchedule())));
          checked = true;
        });
  }

  /** Saves the (edited) plan: a new draft, activated when asked, or a new version of the plan. */
  public void save() throws IOException {
    if (!allowed()) {
      return;
    }
    String author = security.getCallerPrincipal().getName();
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          // Saved schedule = edited schedule: sessions follow the phases as edited, none in the
          // past.
          if (needsSchedule()) {
            draft.apply(
                plans.recheck(new RecheckPlan(patientId, editingId(), draft.content(), true)));
          }
          CarePlanView saved =
              planId == null || planId.isBlank()
                  ? plans.createDraft(
                      new CreateCarePlan(patientId, conditionId, draft.content(), author))
                  : plans.edit(new EditCarePlan(planId, version, draft.content(), author));
          if (activateNow && !isEditing()) {
            // Its own step (PLAN-14): the draft is kept even if activation is refused.
            planId = saved.id();
            version = saved.version();
            saved = plans.activate(new PlanTransition(saved.id(), saved.version(), author));
          }
          PortalForms.redirect(
              faces, "chart.xhtml?patient=" + saved.patientId() + "&plan=" + saved.id());
        },
        () -> newer = plans.get(planId));
  }

  private String editingId() {
    return isEditing() ? planId : null;
  }

  private boolean needsSchedule() {
    return draft.needsSchedule(isEditing(), OffsetDateTime.now(clock));
  }

  /** After a conflict: drop the edits and continue from the newer stored version. */
  public void loadNewer() throws IOException {
    if (!allowed()) {
      return;
    }
    fill(plans.get(planId));
    newer = null;
  }

  public boolean isEditing() {
    return planId != null && !planId.isBlank();
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

  public PatientView getPatient() {
    return patient;
  }

  public PlanDraft getDraft() {
    return draft;
  }

  public String getExerciseProgramme() {
    return exerciseProgramme;
  }

  public void setExerciseProgramme(String exerciseProgramme) {
    this.exerciseProgramme = exerciseProgramme;
  }

  public FactorsForm getPatientFactors() {
    return patientFactors;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }

  public boolean isProposed() {
    return proposed;
  }

  public long getVersion() {
    return version;
  }

  public boolean isChecked() {
    return checked;
  }

  public boolean isActivateNow() {
    return activateNow;
  }

  public void setActivateNow(boolean activateNow) {
    this.activateNow = activateNow;
  }

  public CarePlanView getNewer() {
    return newer;
  }
}
