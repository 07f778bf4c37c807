package app.lumbra.web.portal.safety;

import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.application.AlertView;
import app.lumbra.careteam.application.CareTeams;
import app.lumbra.patient.application.PatientService;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SAFE-4 "Needs attention": the open alerts of the open plans of the patients the signed-in
 * clinician may see (the care-team rule of {@link CareTeams#maySee}), red flags first, each with
 * the patient and an acknowledge form ({@link AlertAcknowledgement}).
 */
@Named
@ViewScoped
public class NeedsAttention implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject AlertService alerts;
  @Inject CareTeams careTeams;
  @Inject PatientService patients;
  @Inject FacesContext faces;

  private List<AlertView> open = List.of();
  private final Map<String, String> names = new HashMap<>();

  public void load() {
    String user = faces.getExternalContext().getRemoteUser();
    open = alerts.needsAttention(patient -> careTeams.maySee(user, patient));
    names.clear();
    for (AlertView alert : open) {
      names.computeIfAbsent(alert.patientId(), id -> patients.get(id).displayName());
    }
  }

  public List<AlertView> getAlerts() {
    return open;
  }

  public String patientName(String patientId) {
    return names.getOrDefault(patientId, patientId);
  }
}
