package app.lumbra.web.portal.admin;

import app.lumbra.audit.application.AuditEntryView;
import app.lumbra.audit.application.AuditQuery;
import app.lumbra.audit.application.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Administrators read the audit trail, newest first; it cannot be changed here. */
@Named("audit")
@RequestScoped
public class AuditPage {

  static final int PAGE = 100;

  @Inject AuditTrail trail;

  private String patient;

  public List<AuditEntryView> getEntries() {
    String filter = patient == null || patient.isBlank() ? null : patient.strip();
    return trail.search(new AuditQuery(filter, null, null, null, null), 0, PAGE);
  }

  public String getPatient() {
    return patient;
  }

  public void setPatient(String patient) {
    this.patient = patient;
  }
}
