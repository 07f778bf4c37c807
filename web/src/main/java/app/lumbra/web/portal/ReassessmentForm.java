package app.lumbra.web.portal;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.outcome.application.CompleteReassessment;
import app.lumbra.outcome.application.OutcomeService;
import app.lumbra.outcome.application.ReassessmentView;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.shared.DomainException;
import app.lumbra.shared.InvalidValueException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.ConstraintViolationException;
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
  private static final Set<String> SCORE_FIELDS =
      Set.of(OswestryScore.FIELD, RolandMorrisScore.FIELD);

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
  private Integer pain;
  private String functionMeasure = "ROLAND_MORRIS";
  private Integer functionScore;
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
    try {
      outcomes.completeReassessment(
          new CompleteReassessment(
              planId,
              pain,
              functionMeasure,
              functionScore,
              ticked(),
              note,
              security.getCallerPrincipal().getName()));
      PortalForms.redirect(
          faces, "chart.xhtml?patient=" + plan.patientId() + "&plan=" + planId + "#progress-title");
    } catch (InvalidValueException refused) {
      if (SCORE_FIELDS.contains(refused.field())) {
        // Either questionnaire's score is typed into the one score field.
        faces.addMessage(
            FORM + ":functionScore",
            new FacesMessage(FacesMessage.SEVERITY_ERROR, FormErrors.text(refused, "Score"), null));
      } else {
        FormErrors.show(faces, FORM, refused);
      }
    } catch (DomainException refused) {
      FormErrors.show(faces, FORM, refused);
    } catch (ConstraintViolationException refused) {
      FormErrors.show(faces, FORM, refused);
    }
  }

  private Set<RedFlagItem> ticked() {
    Set<RedFlagItem> items = EnumSet.noneOf(RedFlagItem.class);
    for (String name : redFlags) {
      items.add(RedFlagItem.valueOf(name));
    }
    return items;
  }

  public List<SelectItem> getScreenItems() {
    return SafetyForms.redFlagItems();
  }

  public List<SelectItem> getFunctionMeasures() {
    return List.of(
        new SelectItem("ROLAND_MORRIS", "Roland–Morris (RMDQ, 0–24)"),
        new SelectItem("OSWESTRY", "Oswestry (ODI, 0–100 %)"));
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

  public Integer getPain() {
    return pain;
  }

  public void setPain(Integer pain) {
    this.pain = pain;
  }

  public String getFunctionMeasure() {
    return functionMeasure;
  }

  public void setFunctionMeasure(String functionMeasure) {
    this.functionMeasure = functionMeasure;
  }

  public Integer getFunctionScore() {
    return functionScore;
  }

  public void setFunctionScore(Integer functionScore) {
    this.functionScore = functionScore;
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
