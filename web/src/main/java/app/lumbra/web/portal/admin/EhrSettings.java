package app.lumbra.web.portal.admin;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.ehrlaunch.application.LaunchingEhrView;
import app.lumbra.ehrlaunch.application.LaunchingEhrs;
import app.lumbra.ehrlaunch.application.RegisterLaunchingEhr;
import app.lumbra.shared.DomainException;
import app.lumbra.web.portal.FormErrors;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Administrators allow EHRs to launch the portal (SMART EHR launch) and remove them; the EHRs named
 * in configuration are listed beside them, read-only. Each registration and removal, done or
 * refused, is audited as the command-line client registration is.
 */
@Named
@ViewScoped
public class EhrSettings implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "f";
  static final String ROWS = "rows";
  private static final String PAGE = "/portal/admin/ehrs.xhtml";

  @Inject LaunchingEhrs ehrs;
  @Inject AuditTrail audit;
  @Inject FacesContext faces;

  private String name;
  private String issuer;
  private String clientId;
  private String userClaim = "preferred_username";

  /** The rows as this view showed them, so a row's button acts on the EHR it showed. */
  private List<LaunchingEhrView> all;

  public List<LaunchingEhrView> getAll() {
    if (all == null) {
      all = ehrs.list();
    }
    return all;
  }

  public void register() throws IOException {
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          LaunchingEhrView registered =
              audited(
                  "register-ehr",
                  () ->
                      ehrs.register(
                          new RegisterLaunchingEhr(name, issuer, clientId, userClaim, admin())),
                  ehr -> "registered " + ehr.name() + " (" + ehr.issuer() + ")");
          all = null;
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_INFO,
                  "EHR "
                      + registered.name()
                      + " may launch Lumbra from "
                      + registered.issuer()
                      + ".",
                  null));
          name = null;
          issuer = null;
          clientId = null;
          userClaim = "preferred_username";
        });
  }

  /** Removes a registered EHR: its launches are refused on every instance from now on. */
  public void remove(String ehr) throws IOException {
    FormErrors.attempt(
        faces,
        ROWS,
        () -> {
          audited(
              "remove-ehr",
              () -> ehrs.remove(ehr),
              removed -> "removed " + removed.name() + " (" + removed.issuer() + ")");
          all = null;
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_INFO,
                  "EHR " + ehr + " removed: its launches are refused from now on.",
                  null));
        });
  }

  /** Runs the use case and records it in the audit trail, done or refused. */
  private LaunchingEhrView audited(
      String action,
      Supplier<LaunchingEhrView> useCase,
      Function<LaunchingEhrView, String> detail) {
    try {
      LaunchingEhrView done = useCase.get();
      record(action, AccessOutcome.ALLOWED, 200, detail.apply(done));
      return done;
    } catch (DomainException refused) {
      record(action, AccessOutcome.FAILED, 400, refused.getMessage());
      throw refused;
    }
  }

  private void record(String action, AccessOutcome outcome, int status, String detail) {
    audit.record(
        new RecordAccess("PORTAL", admin(), action, "POST " + PAGE, null, outcome, status, detail));
  }

  private String admin() {
    return faces.getExternalContext().getRemoteUser();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getUserClaim() {
    return userClaim;
  }

  public void setUserClaim(String userClaim) {
    this.userClaim = userClaim;
  }
}
