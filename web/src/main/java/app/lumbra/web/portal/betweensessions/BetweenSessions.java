package app.lumbra.web.portal.betweensessions;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.homecare.application.LogHomeCare;
import app.lumbra.intake.application.HomeCareDay;
import app.lumbra.intake.application.ReadingIntake;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.DailyActivityDifficulty;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.PortalTime;
import app.lumbra.web.portal.SubmitAccess;
import app.lumbra.web.portal.SymptomFields;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between sessions: a report of symptoms (OBS-1, OBS-2: each filled-in measure is one reading, all
 * stored together or none) and the day's home care (PLAN-9, ADH-3).
 */
@Named
@ViewScoped
public class BetweenSessions implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String READINGS_FORM = "readings";
  static final String HOME_CARE_FORM = "homecare";

  @Inject CarePlanService plans;
  @Inject PatientService patients;
  @Inject ReadingIntake readings;
  @Inject HomeCareDay homeCareDay;
  @Inject FacesContext faces;
  @Inject Clock clock;
  @Inject SubmitAccess access;

  private String planId;
  private CarePlanView plan;
  private PatientView patient;

  private LocalDateTime effectiveAt;
  private Integer pain;
  private final SymptomFields symptoms = new SymptomFields();
  private Integer oswestry;
  private Integer rolandMorris;
  private Integer dailyActivityDifficulty;

  private LocalDate day;
  private Map<String, Boolean> done = new LinkedHashMap<>();

  public void load() {
    plan = plans.get(planId);
    patient = patients.get(plan.patientId());
    effectiveAt = PortalTime.nowLocal(clock);
    day = effectiveAt.toLocalDate();
    plan.content().homeCareTasks().forEach(task -> done.put(task.taskId(), Boolean.FALSE));
  }

  public void saveReadings() throws IOException {
    if (!access.mayChangePlan(plan.id())) {
      return;
    }
    FormErrors.attempt(
        faces,
        READINGS_FORM,
        () -> {
          List<SymptomReading> values = new ArrayList<>();
          if (pain != null) {
            values.add(PainScore.of(pain));
          }
          values.addAll(symptoms.readings());
          if (oswestry != null) {
            values.add(OswestryScore.of(oswestry));
          }
          if (rolandMorris != null) {
            values.add(RolandMorrisScore.of(rolandMorris));
          }
          if (dailyActivityDifficulty != null) {
            values.add(DailyActivityDifficulty.of(dailyActivityDifficulty));
          }
          if (values.isEmpty()) {
            FormErrors.global(faces, "Fill in at least one measure to record.");
            return;
          }
          OffsetDateTime at = PortalTime.at(effectiveAt);
          readings.recordAll(
              values.stream()
                  .map(
                      value ->
                          new RecordReading(
                              plan.patientId(),
                              plan.id(),
                              null,
                              ReadingContext.DIARY,
                              ReadingSource.PORTAL,
                              at,
                              value))
                  .toList());
          PortalForms.redirect(
              faces, "chart.xhtml?patient=" + plan.patientId() + "&plan=" + plan.id());
        });
  }

  public void saveHomeCare() throws IOException {
    if (!access.mayChangePlan(plan.id())) {
      return;
    }
    FormErrors.attempt(
        faces,
        HOME_CARE_FORM,
        () -> {
          homeCareDay.log(
              done.entrySet().stream()
                  .map(
                      entry ->
                          new LogHomeCare(
                              plan.id(),
                              plan.patientId(),
                              entry.getKey(),
                              day,
                              Boolean.TRUE.equals(entry.getValue())))
                  .toList());
          PortalForms.redirect(
              faces, "chart.xhtml?patient=" + plan.patientId() + "&plan=" + plan.id());
        });
  }

  public SymptomFields getSymptoms() {
    return symptoms;
  }

  public List<HomeCareTaskData> getTasks() {
    return plan == null ? List.of() : plan.content().homeCareTasks();
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

  public LocalDateTime getEffectiveAt() {
    return effectiveAt;
  }

  public void setEffectiveAt(LocalDateTime effectiveAt) {
    this.effectiveAt = effectiveAt;
  }

  public Integer getPain() {
    return pain;
  }

  public void setPain(Integer pain) {
    this.pain = pain;
  }

  public Integer getOswestry() {
    return oswestry;
  }

  public void setOswestry(Integer oswestry) {
    this.oswestry = oswestry;
  }

  public Integer getRolandMorris() {
    return rolandMorris;
  }

  public void setRolandMorris(Integer rolandMorris) {
    this.rolandMorris = rolandMorris;
  }

  public Integer getDailyActivityDifficulty() {
    return dailyActivityDifficulty;
  }

  public void setDailyActivityDifficulty(Integer dailyActivityDifficulty) {
    this.dailyActivityDifficulty = dailyActivityDifficulty;
  }

  public LocalDate getDay() {
    return day;
  }

  public void setDay(LocalDate day) {
    this.day = day;
  }

  public Map<String, Boolean> getDone() {
    return done;
  }
}
