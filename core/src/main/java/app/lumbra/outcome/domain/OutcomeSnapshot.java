package app.lumbra.outcome.domain;

import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.progress.domain.PainReading;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What outcome analysis looks at besides the progress report, gathered beforehand so that the
 * analysis is a pure function.
 *
 * @param open the plan is draft, active or on hold (nothing is suggested for a finished plan)
 * @param points every reading of a tracked measure
 * @param pain every pain reading, for the relief-duration analysis
 * @param reassessments when reassessments were completed
 * @param goalPainTargets the "pain at most" targets of the goals still pursued
 * @param maintenanceRangeWeeks PLAN-4's maintenance interval range for this patient, {min, max}
 */
public record OutcomeSnapshot(
    String carePlanId,
    LocalDate planStart,
    boolean open,
    List<PlannedPhase> phases,
    List<OffsetDateTime> plannedSessionTimes,
    List<MeasurePoint> points,
    List<PainReading> pain,
    List<OffsetDateTime> reassessments,
    List<Integer> goalPainTargets,
    int[] maintenanceRangeWeeks) {

  public OutcomeSnapshot {
    phases = List.copyOf(phases);
    plannedSessionTimes = List.copyOf(plannedSessionTimes);
    points = List.copyOf(points);
    pain = List.copyOf(pain);
    reassessments = List.copyOf(reassessments);
    goalPainTargets = List.copyOf(goalPainTargets);
    maintenanceRangeWeeks = maintenanceRangeWeeks.clone();
  }
}
