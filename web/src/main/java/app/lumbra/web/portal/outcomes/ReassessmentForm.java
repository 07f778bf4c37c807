package app.lumbra.web.portal.outcomes;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.outcome.application.CompleteReassessment;
import app.lumbra.outcome.application.OutcomeService;
import app.lumbra.outcome.application.ReassessmentView;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.SubmitAccess;
import app.lumbra.web.portal.safety.SafetyOptions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The reassessment page of a plan (OUT-2): today's pain, one function questionnaire and the
 * red-flag screen (SAFE-1), recorded together by one use case.
 */
@Named
@ViewScoped
public class ReassessmentForm implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "reassessment";

  @Inject OutcomeService outcomes;
  @Inject CarePlanService plans;
  @Inject PatientService patients;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject SubmitAccess access;

  private String planId;
  private CarePlanView plan;
  private PatientView patient;
  private List<ReassessmentView> done = List.of();
  private final PainAndFunction scores = new PainAndFunction("ROLAND_MORRIS");
  private String[] redFlags = new String[0];
  private String note;

  public void load() {
    plan = plans.get(planId);
    patient = patients.get(plan.patientId());
    done = outcomes.reassessments(planId);
  }

  /** OUT-2: records the reassessment; a refused value is shown beside its field. */
  public void complete() throws IOException {
    if (!access.mayChangePlan(planId)) {
      return;
    }
    FormErrors.attempt(
        faces,
        FORM,
        PainAndFunction.SCORE_INPUT,
        () -> {
          outcomes.completeReassessment(
              new CompleteReassessment(
                  planId,
                  scores.getPain(),
                  scores.getFunctionMeasure(),
                  scores.getFunctionScore(),
                  ticked(),
                  note,
                  security.getCallerPrincipal().getName()));
          PortalForms.redirect(
              faces,
              "chart.xhtml?patient=" + plan.patientId() + "&plan=" + planId + "#progress-title");
        });
  }

  private Set<RedFlagItem> ticked() {
    Set<RedFlagItem> items = EnumSet.noneOf(RedFlagItem.class);
    for (String name : redFlags) {
      items.add(RedFlagItem.valueOf(name));
    }
    return items;
  }

  public List<SelectItem> getScreenItems() {
    return SafetyOptions.redFlagItems();
  }

  public List<SelectItem> getFunctionMeasures() {
    return PainAndFunction.measures(true);
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

  public List<ReassessmentView> getDone() {
    return done;
  }

  public PainAndFunction getScores() {
    return scores;
  }

  public String[] getRedFlags() {
    return redFlags;
  }

  public void setRedFlags(String[] redFlags) {
    this.redFlags = redFlags == null ? new String[0] : redFlags;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
