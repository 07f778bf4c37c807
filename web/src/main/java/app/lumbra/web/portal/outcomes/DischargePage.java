package app.lumbra.web.portal.outcomes;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.outcome.application.DischargePlan;
import app.lumbra.outcome.application.DischargeSummaryView;
import app.lumbra.outcome.application.OutcomeService;
import app.lumbra.outcome.domain.DischargeReason;
import app.lumbra.outcome.domain.DischargeSuggestion;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.SubmitAccess;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The discharge page of a plan (OUT-3): before discharge, the suggestions and the form (reason,
 * note); after it, the printable summary.
 */
@Named
@ViewScoped
public class DischargePage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "discharge";

  @Inject OutcomeService outcomes;
  @Inject CarePlanService plans;
  @Inject PatientService patients;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject SubmitAccess access;

  private String planId;
  private CarePlanView plan;
  private PatientView patient;
  private DischargeSummaryView summary;
  private List<DischargeSuggestion> suggestions = List.of();
  private String reason;
  private String note;

  public void load() {
    plan = plans.get(planId);
    patient = patients.get(plan.patientId());
    summary = outcomes.dischargeSummary(planId).orElse(null);
    if (summary == null && isCanDischarge()) {
      suggestions = outcomes.report(planId).dischargeSuggestions();
      if (reason == null && !suggestions.isEmpty()) {
        reason = suggestions.get(0).reason().name();
      }
    }
  }

  /** OUT-3: discharges the patient; the page then shows the summary. */
  public void discharge() throws IOException {
    if (!access.mayChangePlan(planId)) {
      return;
    }
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          outcomes.discharge(
              new DischargePlan(
                  planId,
                  plan.version(),
                  reason == null || reason.isBlank() ? null : DischargeReason.fromCode(reason),
                  note,
                  security.getCallerPrincipal().getName()));
          PortalForms.redirect(faces, "discharge.xhtml?plan=" + planId);
        });
  }

  public boolean isCanDischarge() {
    return plan != null
        && (plan.status() == PlanStatus.ACTIVE || plan.status() == PlanStatus.ON_HOLD);
  }

  public List<SelectItem> getReasons() {
    return Arrays.stream(DischargeReason.values())
        .map(r -> new SelectItem(r.name(), capitalised(r.text())))
        .toList();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  public String getPlanId() {
    return planId;
  }

  public void setPlanId(String planId) {
    this.planId = planId;
  }

  public CarePlanView getPlan() {
    return plan;
  }

  public PatientView getPatient() {
    return patient;
  }

  public DischargeSummaryView getSummary() {
    return summary;
  }

  public List<DischargeSuggestion> getSuggestions() {
    return suggestions;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
