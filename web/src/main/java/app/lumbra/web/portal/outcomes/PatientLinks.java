package app.lumbra.web.portal.outcomes;

import app.lumbra.selfreport.application.IssuePatientLink;
import app.lumbra.selfreport.application.IssuedLink;
import app.lumbra.selfreport.application.SelfReportService;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.SubmitAccess;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * OUT-5: the chart's "Patient link" button issues a personal link for the patient of a plan, valid
 * {@value #PATIENT_LINK_DAYS} days, and shows it once so that the clinician can send it; only its
 * hash is stored.
 */
@Named
@ViewScoped
public class PatientLinks implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int PATIENT_LINK_DAYS = 30;

  @Inject SelfReportService selfReports;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject SubmitAccess access;

  private String link;
  private OffsetDateTime expires;
  private Integer revoked;

  public void issue(String planId) throws IOException {
    if (!access.mayChangePlan(planId)) {
      return;
    }
    FormErrors.attempt(
        faces,
        "actions",
        () -> {
          IssuedLink issued =
              selfReports.issue(
                  new IssuePatientLink(
                      planId, PATIENT_LINK_DAYS, security.getCallerPrincipal().getName()));
          ExternalContext request = faces.getExternalContext();
          link =
              request.getRequestScheme()
                  + "://"
                  + request.getRequestServerName()
                  + ":"
                  + request.getRequestServerPort()
                  + request.getRequestContextPath()
                  + "/report/index.xhtml?t="
                  + issued.token();
          expires = issued.expiresAt();
        });
  }

  /** Withdraws the plan's open patient links; their page then says the clinic did. */
  public void revoke(String planId) throws IOException {
    if (!access.mayChangePlan(planId)) {
      return;
    }
    revoked = selfReports.revokeLinks(planId, security.getCallerPrincipal().getName());
  }

  public Integer getRevoked() {
    return revoked;
  }

  public String getLink() {
    return link;
  }

  public OffsetDateTime getExpires() {
    return expires;
  }
}
