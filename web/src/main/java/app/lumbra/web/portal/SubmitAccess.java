package app.lumbra.web.portal;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careteam.application.CareTeams;
import app.lumbra.shared.NotFoundException;
import app.lumbra.web.security.PortalAuditFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * The care-team right is checked again when a form is submitted, not only when its page was opened.
 * The page's patient or plan comes from the submission itself (view parameters are decoded again on
 * a postback, and the team may have changed since), so a clinician posting for another team's
 * patient is refused with the portal's 403 page, nothing is stored, and the audit trail records the
 * refusal with that patient.
 */
@ApplicationScoped
public class SubmitAccess {

  static final String REFUSED = "patient of another care team (form submission)";

  @Inject CareTeams careTeams;
  @Inject CarePlanService plans;

  /** Whether the signed-in user may submit for this patient; answers 403 when not. */
  public boolean mayChangePatient(String patientId) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    String user = faces.getExternalContext().getRemoteUser();
    if (patientId == null || patientId.isBlank() || careTeams.maySee(user, patientId.strip())) {
      return true;
    }
    refuse(faces, patientId.strip());
    return false;
  }

  /** Whether the signed-in user may submit for the patient of this plan; answers 403 when not. */
  public boolean mayChangePlan(String planId) throws IOException {
    if (planId == null || planId.isBlank()) {
      return true;
    }
    String patientId;
    try {
      patientId = plans.get(planId.strip()).patientId();
    } catch (NotFoundException unknownPlan) {
      return true; // the action itself reports the unknown plan
    }
    return mayChangePatient(patientId);
  }

  private static void refuse(FacesContext faces, String patientId) throws IOException {
    ExternalContext external = faces.getExternalContext();
    external.getRequestMap().put(PortalAuditFilter.REFUSED_PATIENT, patientId);
    external.getRequestMap().put(PortalAuditFilter.REFUSED_DETAIL, REFUSED);
    external.responseSendError(403, "Not allowed");
    faces.responseComplete();
  }
}
