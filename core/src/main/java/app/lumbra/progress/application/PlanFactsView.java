package app.lumbra.progress.application;

import app.lumbra.adherence.domain.StoppedPeriod;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The facts of a care plan that progress and adherence analysis need.
 *
 * @param currentPhase code of the phase the plan is in now, or null if unknown
 * @param sessionsStopped true when the plan no longer schedules sessions (completed, on hold,
 *     revoked), which is when PROG-7 watches for fading relief
 * @param scheduledSessionTimes the plan's own session dates (ADH-1 counts those without a session
 *     record as due and unrecorded)
 * @param homeCareTaskIds ids of the plan's home-care tasks (PLAN-9, ADH-3)
 * @param stoppedPeriods times the plan was on hold, completed or revoked (ADH-3)
 */
public record PlanFactsView(
    String carePlanId,
    String patientId,
    LocalDate planStart,
    String currentPhase,
    List<PhaseFacts> phases,
    boolean sessionsStopped,
    List<OffsetDateTime> scheduledSessionTimes,
    List<String> homeCareTaskIds,
    List<StoppedPeriod> stoppedPeriods) {

  /** A plan that was never stopped. */
  public PlanFactsView(
      String carePlanId,
      String patientId,
      LocalDate planStart,
      String currentPhase,
      List<PhaseFacts> phases,
      boolean sessionsStopped,
      List<OffsetDateTime> scheduledSessionTimes,
      List<String> homeCareTaskIds) {
    this(
        carePlanId,
        patientId,
        planStart,
        currentPhase,
        phases,
        sessionsStopped,
        scheduledSessionTimes,
        homeCareTaskIds,
        List.of());
  }

  public PlanFactsView {
    stoppedPeriods = stoppedPeriods == null ? List.of() : List.copyOf(stoppedPeriods);
    phases = phases == null ? List.of() : List.copyOf(phases);
    scheduledSessionTimes =
        scheduledSessionTimes == null ? List.of() : List.copyOf(scheduledSessionTimes);
    homeCareTaskIds = homeCareTaskIds == null ? List.of() : List.copyOf(homeCareTaskIds);
  }
}
