package app.lumbra.web.portal.safety;

import app.lumbra.alert.application.AcknowledgeAlert;
import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.application.AlertView;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.SubmitAccess;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * SAFE-4: acknowledges an alert with the note typed beside it, from the chart's "Safety and alerts"
 * or from "Needs attention"; the page is shown again afterwards.
 */
@Named
@ViewScoped
public class AlertAcknowledgement implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject AlertService alerts;
  @Inject SubmitAccess access;
  @Inject FacesContext faces;

  private final Map<String, String> notes = new HashMap<>();

  /** From the chart (form {@code chart-alerts}): back to the alert's plan on the chart. */
  public void onChart(String alertId) throws IOException {
    AlertView alert = alerts.get(alertId);
    acknowledge(
        alert,
        "chart-alerts",
        "chart.xhtml?patient=" + alert.patientId() + "&plan=" + alert.carePlanId());
  }

  /** From "Needs attention" (form {@code attention}): back to the list. */
  public void onList(String alertId) throws IOException {
    acknowledge(alerts.get(alertId), "attention", "attention.xhtml");
  }

  private void acknowledge(AlertView alert, String formId, String page) throws IOException {
    if (!access.mayChangePatient(alert.patientId())) {
      return;
    }
    FormErrors.attempt(
        faces,
        formId,
        () -> {
          alerts.acknowledge(
              new AcknowledgeAlert(
                  alert.id(), faces.getExternalContext().getRemoteUser(), notes.get(alert.id())));
          PortalForms.redirect(faces, page);
        });
  }

  public Map<String, String> getNotes() {
    return notes;
  }
}
