package app.lumbra.web.portal.plans;

import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.PlanCheckView;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.ProjectionView;
import app.lumbra.careplan.application.RecommendationView;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.application.WarningView;
import app.lumbra.web.portal.PortalForms;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as the editor shows and edits it (PLAN-13): its content, the schedule made from its
 * phases, and what the last check said of it (projection, warnings, trade-offs, structural-cause
 * statement).
 */
public class PlanDraft implements Serializable {
  private static final long serialVersionUID = 1L;

  private FactorsData factors;
  private String title;
  private String expectations;
  private boolean coManagementFlagged;
  private String exerciseProgramme;
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

  /** A recommendation: its plan and what the recommender said of it. */
  void fill(RecommendationView recommendation) {
    fill(recommendation.plan());
    projection = recommendation.projection();
    warnings = recommendation.warnings();
    tradeOffs = recommendation.tradeOffs();
    structuralCauseStatement = recommendation.structuralCauseStatement();
  }

  /** A stored plan, as last checked when it was saved. */
  void fill(CarePlanView plan) {
    fill(plan.content());
    projection = plan.projection();
    warnings = plan.warnings();
    structuralCauseStatement = plan.structuralCauseStatement();
    tradeOffs = List.of();
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

  /** Everything the editor shows, from one re-check: sessions, figures, warnings, statement. */
  void apply(PlanCheckView checkedPlan) {
    sessions = checkedPlan.content().sessions();
    scheduledFor = checkedPlan.content().phases();
    projection = checkedPlan.projection();
    warnings = checkedPlan.warnings();
    structuralCauseStatement = checkedPlan.structuralCauseStatement();
    rescheduled = checkedPlan.rescheduled();
  }

  /**
   * Whether the sessions must be scheduled again: the phases were edited since the sessions were
   * made, or (a new plan) a session already lies in the past, as when a plan recommended in the
   * morning is saved in the evening.
   */
  boolean needsSchedule(boolean editing, OffsetDateTime now) {
    List<PhaseData> edited = phases.stream().map(PhaseRow::toData).toList();
    if (!edited.equals(scheduledFor)) {
      return true;
    }
    return !editing && sessions.stream().anyMatch(s -> s.startsAt().isBefore(now));
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

  public String getExerciseProgramme() {
    return exerciseProgramme;
  }

  public void setExerciseProgramme(String exerciseProgramme) {
    this.exerciseProgramme = exerciseProgramme;
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
}
