package app.lumbra.web.portal.sessions;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.session.application.PerformedSessionData;
import app.lumbra.session.application.RecordSessionOfDay;
import app.lumbra.session.application.SessionReading;
import app.lumbra.session.application.SessionRecording;
import app.lumbra.session.application.SoapNotesData;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.PortalTime;
import app.lumbra.web.portal.SubmitAccess;
import app.lumbra.web.portal.SymptomFields;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Records a session of a plan (OBS-3): attended with duration, therapist, techniques, regions, pain
 * before and after, spasms, leg pain, stiffness and SOAP notes; or missed with a reason. A planned
 * session record of the same day is completed; otherwise the session is recorded as performed.
 */
@Named
@ViewScoped
public class SessionRecorder implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "f";

  @Inject CarePlanService plans;
  @Inject PatientService patients;
  @Inject SessionRecording sessions;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject Clock clock;
  @Inject SubmitAccess access;

  private String planId;
  private CarePlanView plan;
  private PatientView patient;

  private boolean attended = true;
  private LocalDateTime performedAt;
  private Integer durationMinutes;
  private String therapist;
  private Technique[] techniques = {};
  private TargetRegion[] targetRegions = {TargetRegion.LOWER_BACK};
  private Integer prePain;
  private Integer postPain;
  private final SymptomFields symptoms = new SymptomFields();
  private String subjective;
  private String objective;
  private String assessment;
  private String soapPlan;
  private String missedReason;

  public void load() {
    plan = plans.get(planId);
    patient = patients.get(plan.patientId());
    performedAt = PortalTime.nowLocal(clock);
    therapist = security.getCallerPrincipal().getName();
    if (!plan.content().phases().isEmpty()) {
      var phase = plan.content().phases().get(0);
      durationMinutes = phase.sessionMinutes();
      techniques =
          phase.techniques().stream()
              .map(t -> Technique.valueOf(t.name()))
              .toArray(Technique[]::new);
      if (!phase.targetRegions().isEmpty()) {
        targetRegions =
            phase.targetRegions().stream()
                .map(r -> TargetRegion.valueOf(r.name()))
                .toArray(TargetRegion[]::new);
      }
    }
  }

  public void save() throws IOException {
    if (!access.mayChangePlan(plan.id())) {
      return;
    }
    OffsetDateTime at = PortalTime.at(performedAt);
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          sessions.record(
              new RecordSessionOfDay(
                  plan.id(),
                  plan.patientId(),
                  at,
                  PortalTime.zone(),
                  attended,
                  attended ? performed(at) : null,
                  PortalForms.enumSet(TargetRegion.class, targetRegions),
                  missedReason));
          PortalForms.redirect(
              faces, "chart.xhtml?patient=" + plan.patientId() + "&plan=" + plan.id());
        });
  }

  /** The readings the patient reports at the session, taken before it (OBS-2). */
  private PerformedSessionData performed(OffsetDateTime at) {
    List<SessionReading> readings =
        symptoms.readings().stream()
            .map(reading -> new SessionReading(ReadingContext.PRE_SESSION, reading))
            .toList();
    return new PerformedSessionData(
        at,
        durationMinutes,
        therapist,
        PortalForms.enumSet(Technique.class, techniques),
        PortalForms.enumSet(TargetRegion.class, targetRegions),
        prePain,
        postPain,
        new SoapNotesData(
            PortalForms.text(subjective),
            PortalForms.text(objective),
            PortalForms.text(assessment),
            PortalForms.text(soapPlan)),
        readings,
        ReadingSource.PORTAL);
  }

  public Technique[] getTechniqueOptions() {
    return Technique.values();
  }

  public TargetRegion[] getRegionOptions() {
    return TargetRegion.values();
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

  public SymptomFields getSymptoms() {
    return symptoms;
  }

  public boolean isAttended() {
    return attended;
  }

  public void setAttended(boolean attended) {
    this.attended = attended;
  }

  public LocalDateTime getPerformedAt() {
    return performedAt;
  }

  public void setPerformedAt(LocalDateTime performedAt) {
    this.performedAt = performedAt;
  }

  public Integer getDurationMinutes() {
    return durationMinutes;
  }

  public void setDurationMinutes(Integer durationMinutes) {
    this.durationMinutes = durationMinutes;
  }

  public String getTherapist() {
    return therapist;
  }

  public void setTherapist(String therapist) {
    this.therapist = therapist;
  }

  public Technique[] getTechniques() {
    return techniques;
  }

  public void setTechniques(Technique[] techniques) {
    this.techniques = techniques;
  }

  public TargetRegion[] getTargetRegions() {
    return targetRegions;
  }

  public void setTargetRegions(TargetRegion[] targetRegions) {
    this.targetRegions = targetRegions;
  }

  public Integer getPrePain() {
    return prePain;
  }

  public void setPrePain(Integer prePain) {
    this.prePain = prePain;
  }

  public Integer getPostPain() {
    return postPain;
  }

  public void setPostPain(Integer postPain) {
    this.postPain = postPain;
  }

  public String getSubjective() {
    return subjective;
  }

  public void setSubjective(String subjective) {
    this.subjective = subjective;
  }

  public String getObjective() {
    return objective;
  }

  public void setObjective(String objective) {
    this.objective = objective;
  }

  public String getAssessment() {
    return assessment;
  }

  public void setAssessment(String assessment) {
    this.assessment = assessment;
  }

  public String getSoapPlan() {
    return soapPlan;
  }

  public void setSoapPlan(String soapPlan) {
    this.soapPlan = soapPlan;
  }

  public String getMissedReason() {
    return missedReason;
  }

  public void setMissedReason(String missedReason) {
    this.missedReason = missedReason;
  }
}
