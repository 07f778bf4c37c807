package app.lumbra.web.portal.plans;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.EditCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.PlanCheckView;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.application.ProjectionView;
import app.lumbra.careplan.application.RecheckPlan;
import app.lumbra.careplan.application.RecommendCarePlan;
import app.lumbra.careplan.application.RecommendationView;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.application.WarningView;
import app.lumbra.careplan.domain.HomeCareKind;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PhaseKind;
import app.lumbra.careplan.domain.TargetRegion;
import app.lumbra.careplan.domain.Technique;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.PortalTime;
import app.lumbra.web.portal.SubmitAccess;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * New care plan (PLAN-13): the patient's factors, the recommended plan with its projection,
 * warnings and expectations, the clinician's edits, a re-check and saving. Also edits a stored plan
 * ({@code ?plan=}), refusing a stale version and showing the newer one (PLAN-14).
 */
@Named
@ViewScoped
public class PlanEditor implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "f";

  @Inject CarePlanService plans;
  @Inject PatientService patients;
  @Inject ConditionService conditions;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject Clock clock;
  @Inject SubmitAccess access;

  private String patientId;
  private String planId;
  private PatientView patient;
  private String conditionId;

  // Factors (PLAN-13)
  private OnsetType onsetType;
  private Integer painScore;
  private SeverityCategory severity;
  private StructuralCause[] structuralCauses = {};
  private IntensityPreference intensityPreference = IntensityPreference.MODERATE;
  private Lifestyle[] lifestyles = {};
  private BigDecimal pricePerSession = new BigDecimal("60");
  private String currency = "EUR";
  private BigDecimal monthlyBudget;
  private DayOfWeek[] availableDays = {DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY};
  private LocalTime preferredTime = LocalTime.of(10, 0);
  private String exerciseProgramme;
  private LocalDate startDate;

  // The plan being edited
  private boolean proposed;
  private long version;
  private FactorsData factors;
  private String title;
  private String expectations;
  private boolean coManagementFlagged;
  private List<PhaseRow> phases = new ArrayList<>();
  private List<SessionData> sessions = List.of();
  // The phases the sessions were scheduled from; edited phases mean a new schedule.
  private List<PhaseData> scheduledFor = List.of();
  private boolean rescheduled;
  private List<TaskRow> homeCareTasks = new ArrayList<>();
  private List<GoalData> goals = List.of();
  private ProjectionView projection;
  private List<WarningView> warnings = List.of();
  private List<String> tradeOffs = List.of();
  private String structuralCauseStatement;
  private boolean checked;
  private boolean activateNow = true;
  private CarePlanView newer;

  /** One phase as the form edits it (PLAN-2, PLAN-5, PLAN-7, PLAN-8). */
  public static class PhaseRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private PhaseKind kind;
    private LocalDate startDate;
    private LocalDate endDate;
    private int sessionsPerPeriod;
    private int periodWeeks;
    private int sessionMinutes;
    private Technique[] techniques;
    private TargetRegion[] targetRegions;

    static PhaseRow of(PhaseData data) {
      PhaseRow row = new PhaseRow();
      row.kind = data.kind();
      row.startDate = data.startDate();
      row.endDate = data.endDate();
      row.sessionsPerPeriod = data.sessionsPerPeriod();
      row.periodWeeks = data.periodWeeks();
      row.sessionMinutes = data.sessionMinutes();
      row.techniques = data.techniques().toArray(Technique[]::new);
      row.targetRegions = data.targetRegions().toArray(TargetRegion[]::new);
      return row;
    }

    PhaseData toData() {
      return new PhaseData(
          kind,
          startDate,
          endDate,
          sessionsPerPeriod,
          periodWeeks,
          sessionMinutes,
          PortalForms.enumSet(Technique.class, techniques),
          PortalForms.enumSet(TargetRegion.class, targetRegions));
    }

    public PhaseKind getKind() {
      return kind;
    }

    public LocalDate getStartDate() {
      return startDate;
    }

    public void setStartDate(LocalDate startDate) {
      this.startDate = startDate;
    }

    public LocalDate getEndDate() {
      return endDate;
    }

    public void setEndDate(LocalDate endDate) {
      this.endDate = endDate;
    }

    public int getSessionsPerPeriod() {
      return sessionsPerPeriod;
    }

    public void setSessionsPerPeriod(int sessionsPerPeriod) {
      this.sessionsPerPeriod = sessionsPerPeriod;
    }

    public int getPeriodWeeks() {
      return periodWeeks;
    }

    public void setPeriodWeeks(int periodWeeks) {
      this.periodWeeks = periodWeeks;
    }

    public int getSessionMinutes() {
      return sessionMinutes;
    }

    public void setSessionMinutes(int sessionMinutes) {
      this.sessionMinutes = sessionMinutes;
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
  }

  /** One home-care task as the form edits it (PLAN-9). */
  public static class TaskRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String taskId;
    private HomeCareKind kind;
    private String instructions;

    static TaskRow of(HomeCareTaskData data) {
      TaskRow row = new TaskRow();
      row.taskId = data.taskId();
      row.kind = data.kind();
      row.instructions = data.instructions();
      return row;
    }

    HomeCareTaskData toData() {
      return new HomeCareTaskData(taskId, kind, instructions);
    }

    public HomeCareKind getKind() {
      return kind;
    }

    public String getInstructions() {
      return instructions;
    }

    public void setInstructions(String instructions) {
      this.instructions = instructions;
    }
  }

  /** New plan: factors from the patient's active condition; edit: the stored plan. */
  public void load() {
    if (planId != null && !planId.isBlank()) {
      fill(plans.get(planId));
      patient = patients.get(patientId);
      return;
    }
    patient = patients.get(patientId);
    startDate = LocalDate.now(clock.withZone(PortalTime.zone()));
    conditions.listForPatient(patientId).stream()
        .filter(c -> c.status() == ConditionStatus.ACTIVE)
        .findFirst()
        .ifPresent(this::prefill);
  }

  private void prefill(ConditionView condition) {
    conditionId = condition.id();
    onsetType = condition.onsetType();
    painScore = condition.painScore();
    severity = condition.severity();
    structuralCauses = condition.structuralCauses().toArray(StructuralCause[]::new);
  }

  private void fill(CarePlanView plan) {
    planId = plan.id();
    patientId = plan.patientId();
    conditionId = plan.conditionId();
    version = plan.version();
    fill(plan.content());
    projection = plan.projection();
    warnings = plan.warnings();
    structuralCauseStatement = plan.structuralCauseStatement();
    tradeOffs = List.of();
    proposed = true;
    checked = true;
  }

  private void fill(PlanContentData content) {
    factors = content.factors();
    title = content.title();
    expectations = content.expectations();
    coManagementFlagged = content.coManagementFlagged();
    exerciseProgramme = content.exerciseProgramme();
    phases = new ArrayList<>(content.phases().stream().map(PhaseRow::of).toList());
    sessions = content.sessions();
    scheduledFor = content.phases();
    rescheduled = false;
    homeCareTasks = new ArrayList<>(content.homeCareTasks().stream().map(TaskRow::of).toList());
    goals = content.goals();
  }

  /** Issue 6: the submission's patient and plan must still be of the user's care team. */
  private boolean allowed() throws IOException {
    return access.mayChangePatient(patientId) && access.mayChangePlan(planId);
  }

  /** PLAN-13: asks for a recommended plan from the factors; stores nothing. */
  public void recommend() throws IOException {
    if (!allowed()) {
      return;
    }
    FactorsData data =
        new FactorsData(
            onsetType,
            painScore,
            severity,
            PortalForms.enumSet(StructuralCause.class, structuralCauses),
            intensityPreference,
            PortalForms.enumSet(Lifestyle.class, lifestyles),
            pricePerSession,
            currency == null ? null : currency.strip().toUpperCase(),
            monthlyBudget,
            PortalForms.enumSet(DayOfWeek.class, availableDays),
            preferredTime);
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          RecommendationView recommendation =
              plans.recommend(
                  new RecommendCarePlan(
                      patientId,
                      conditionId,
                      data,
                      PortalForms.text(exerciseProgramme),
                      startDate));
          fill(recommendation.plan());
          projection = recommendation.projection();
          warnings = recommendation.warnings();
          tradeOffs = recommendation.tradeOffs();
          structuralCauseStatement = recommendation.structuralCauseStatement();
          proposed = true;
          checked = true;
        });
  }

  /**
   * PLAN-13: the edited plan checked against the same rules (warnings, not silent changes), with
   * its time and cost projected again (PLAN-10).
   */
  public void recheck() throws IOException {
    if (!allowed()) {
      return;
    }
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          apply(plans.recheck(new RecheckPlan(patientId, editingId(), content(), needsSchedule())));
          checked = true;
        });
  }

  /** Saves the (edited) plan: a new draft, activated when asked, or a new version of the plan. */
  public void save() throws IOException {
    if (!allowed()) {
      return;
    }
    String author = security.getCallerPrincipal().getName();
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          // Saved schedule = edited schedule: sessions follow the phases as edited, none in the
          // past.
          if (needsSchedule()) {
            apply(plans.recheck(new RecheckPlan(patientId, editingId(), content(), true)));
          }
          CarePlanView saved =
              planId == null || planId.isBlank()
                  ? plans.createDraft(new CreateCarePlan(patientId, conditionId, content(), author))
                  : plans.edit(new EditCarePlan(planId, version, content(), author));
          if (activateNow && !isEditing()) {
            // Its own step (PLAN-14): the draft is kept even if activation is refused.
            planId = saved.id();
            version = saved.version();
            saved = plans.activate(new PlanTransition(saved.id(), saved.version(), author));
          }
          PortalForms.redirect(
              faces, "chart.xhtml?patient=" + saved.patientId() + "&plan=" + saved.id());
        },
        () -> newer = plans.get(planId));
  }

  private String editingId() {
    return isEditing() ? planId : null;
  }

  /**
   * Whether the sessions must be scheduled again: the phases were edited since the sessions were
   * made, or (a new plan) a session already lies in the past, as when a plan recommended in the
   * morning is saved in the evening.
   */
  private boolean needsSchedule() {
    List<PhaseData> edited = phases.stream().map(PhaseRow::toData).toList();
    if (!edited.equals(scheduledFor)) {
      return true;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return !isEditing() && sessions.stream().anyMatch(s -> s.startsAt().isBefore(now));
  }

  /** Everything the editor shows, from one re-check: sessions, figures, warnings, statement. */
  private void apply(PlanCheckView checkedPlan) {
    sessions = checkedPlan.content().sessions();
    scheduledFor = checkedPlan.content().phases();
    projection = checkedPlan.projection();
    warnings = checkedPlan.warnings();
    structuralCauseStatement = checkedPlan.structuralCauseStatement();
    rescheduled = checkedPlan.rescheduled();
  }

  /** After a conflict: drop the edits and continue from the newer stored version. */
  public void loadNewer() throws IOException {
    if (!allowed()) {
      return;
    }
    fill(plans.get(planId));
    newer = null;
  }

  /**
   * The plan as edited. Planned sessions take the minutes of their (possibly edited) phase, so a
   * changed session length is not contradicted by the schedule.
   */
  PlanContentData content() {
    List<PhaseData> phaseData = phases.stream().map(PhaseRow::toData).toList();
    List<SessionData> scheduled =
        sessions.stream()
            .map(
                s ->
                    s.phaseIndex() < phaseData.size()
                        ? new SessionData(
                            s.startsAt(),
                            phaseData.get(s.phaseIndex()).sessionMinutes(),
                            s.phaseIndex())
                        : s)
            .toList();
    return new PlanContentData(
        PortalForms.text(title),
        factors,
        phaseData,
        scheduled,
        PortalForms.text(exerciseProgramme),
        homeCareTasks.stream().map(TaskRow::toData).toList(),
        goals,
        coManagementFlagged,
        PortalForms.text(expectations));
  }

  /** The first few planned sessions, to show the spacing (PLAN-6). */
  public List<SessionData> getFirstSessions() {
    return sessions.stream().limit(8).toList();
  }

  public boolean isEditing() {
    return planId != null && !planId.isBlank();
  }

  public OnsetType[] getOnsetTypes() {
    return OnsetType.values();
  }

  public SeverityCategory[] getSeverities() {
    return SeverityCategory.values();
  }

  public StructuralCause[] getCauses() {
    return StructuralCause.values();
  }

  public IntensityPreference[] getIntensities() {
    return IntensityPreference.values();
  }

  public Lifestyle[] getLifestyleOptions() {
    return Lifestyle.values();
  }

  public DayOfWeek[] getDays() {
    return DayOfWeek.values();
  }

  public Technique[] getTechniqueOptions() {
    return Technique.values();
  }

  public TargetRegion[] getRegionOptions() {
    return EnumSet.allOf(TargetRegion.class).toArray(TargetRegion[]::new);
  }

  public String getPatientId() {
    return patientId;
  }

  public void setPatientId(String patientId) {
    this.patientId = patientId;
  }

  public String getPlanId() {
    return planId;
  }

  public void setPlanId(String planId) {
    this.planId = planId;
  }

  public PatientView getPatient() {
    return patient;
  }

  public OnsetType getOnsetType() {
    return onsetType;
  }

  public void setOnsetType(OnsetType onsetType) {
    this.onsetType = onsetType;
  }

  public Integer getPainScore() {
    return painScore;
  }

  public void setPainScore(Integer painScore) {
    this.painScore = painScore;
  }

  public SeverityCategory getSeverity() {
    return severity;
  }

  public void setSeverity(SeverityCategory severity) {
    this.severity = severity;
  }

  public StructuralCause[] getStructuralCauses() {
    return structuralCauses;
  }

  public void setStructuralCauses(StructuralCause[] structuralCauses) {
    this.structuralCauses = structuralCauses;
  }

  public IntensityPreference getIntensityPreference() {
    return intensityPreference;
  }

  public void setIntensityPreference(IntensityPreference intensityPreference) {
    this.intensityPreference = intensityPreference;
  }

  public Lifestyle[] getLifestyles() {
    return lifestyles;
  }

  public void setLifestyles(Lifestyle[] lifestyles) {
    this.lifestyles = lifestyles;
  }

  public BigDecimal getPricePerSession() {
    return pricePerSession;
  }

  public void setPricePerSession(BigDecimal pricePerSession) {
    this.pricePerSession = pricePerSession;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public BigDecimal getMonthlyBudget() {
    return monthlyBudget;
  }

  public void setMonthlyBudget(BigDecimal monthlyBudget) {
    this.monthlyBudget = monthlyBudget;
  }

  public DayOfWeek[] getAvailableDays() {
    return availableDays;
  }

  public void setAvailableDays(DayOfWeek[] availableDays) {
    this.availableDays = availableDays;
  }

  public LocalTime getPreferredTime() {
    return preferredTime;
  }

  public void setPreferredTime(LocalTime preferredTime) {
    this.preferredTime = preferredTime;
  }

  public String getExerciseProgramme() {
    return exerciseProgramme;
  }

  public void setExerciseProgramme(String exerciseProgramme) {
    this.exerciseProgramme = exerciseProgramme;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }

  public boolean isProposed() {
    return proposed;
  }

  public long getVersion() {
    return version;
  }

  public FactorsData getFactors() {
    return factors;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getExpectations() {
    return expectations;
  }

  public void setExpectations(String expectations) {
    this.expectations = expectations;
  }

  public boolean isCoManagementFlagged() {
    return coManagementFlagged;
  }

  public void setCoManagementFlagged(boolean coManagementFlagged) {
    this.coManagementFlagged = coManagementFlagged;
  }

  public List<PhaseRow> getPhases() {
    return phases;
  }

  public List<SessionData> getSessions() {
    return sessions;
  }

  public List<TaskRow> getHomeCareTasks() {
    return homeCareTasks;
  }

  public List<GoalData> getGoals() {
    return goals;
  }

  public ProjectionView getProjection() {
    return projection;
  }

  public List<WarningView> getWarnings() {
    return warnings;
  }

  public List<String> getTradeOffs() {
    return tradeOffs;
  }

  public String getStructuralCauseStatement() {
    return structuralCauseStatement;
  }

  /** Whether the last re-check booked the sessions again from the edited phases. */
  public boolean isRescheduled() {
    return rescheduled;
  }

  public boolean isChecked() {
    return checked;
  }

  public boolean isActivateNow() {
    return activateNow;
  }

  public void setActivateNow(boolean activateNow) {
    this.activateNow = activateNow;
  }

  public CarePlanView getNewer() {
    return newer;
  }
}
