package app.lumbra.outcome.domain;

import app.lumbra.journeys.PlanJourney;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.progress.domain.PainReading;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressSnapshot;
import app.lumbra.progress.domain.ProgressThresholds;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan's story ({@link PlanJourney}) with what outcomes add: function and symptom readings at
 * 09:00, reassessments, goals and the patient's PLAN-4 range.
 */
final class OutcomeJourney {

  private final PlanJourney plan;
  private final List<MeasurePoint> points = new ArrayList<>();
  private final List<OffsetDateTime> reassessments = new ArrayList<>();
  private final List<Integer> goals = new ArrayList<>();
  private int[] range = {3, 4};
  private boolean open = true;
  private int readings;

  private OutcomeJourney(PlanJourney plan) {
    this.plan = plan;
  }

  static OutcomeJourney of(PlanJourney plan) {
    return new OutcomeJourney(plan);
  }

  OutcomeJourney oswestry(int day, int percent) {
    return reading(day, ObservationCode.OSWESTRY, OswestryScore.of(percent));
  }

  OutcomeJourney rolandMorris(int day, int value) {
    return reading(day, ObservationCode.ROLAND_MORRIS, RolandMorrisScore.of(value));
  }

  OutcomeJourney stiffness(int day, int value) {
    return reading(day, ObservationCode.STIFFNESS, StiffnessScore.of(value, false));
  }

  OutcomeJourney reassessed(int day) {
    reassessments.add(PlanJourney.at(day, LocalTime.of(11, 0)));
    return this;
  }

  OutcomeJourney goalPainAtMost(int target) {
    goals.add(target);
    return this;
  }

  /** PLAN-4's range for this patient, in weeks. */
  OutcomeJourney maintenanceRange(int min, int max) {
    range = new int[] {min, max};
    return this;
  }

  OutcomeJourney closed() {
    open = false;
    return this;
  }

  private OutcomeJourney reading(int day, ObservationCode code, SymptomReading reading) {
    points.add(
        MeasurePoint.of(
                "obs-" + (++readings),
                code,
                reading,
                PlanJourney.at(day, LocalTime.of(9, 0)),
                false)
            .orElseThrow());
    return this;
  }

  OutcomeReport reportOnDay(int day) {
    ProgressReport progress = plan.reportOnDay(day);
    ProgressSnapshot snapshot = plan.snapshot();
    List<MeasurePoint> all = new ArrayList<>(points);
    int i = 0;
    for (PainReading pain : snapshot.painReadings()) {
      if (pain.countsTowardsPainLevel()) {
        all.add(
            MeasurePoint.of(
                    "pain-" + (++i),
                    ObservationCode.PAIN,
                    PainScore.of(pain.score().value()),
                    pain.at(),
                    false)
                .orElseThrow());
      }
    }
    OutcomeSnapshot outcome =
        new OutcomeSnapshot(
            snapshot.carePlanId(),
            snapshot.planStart(),
            open,
            snapshot.phases(),
            snapshot.plannedSessionTimes(),
            all,
            snapshot.painReadings(),
            reassessments,
            goals,
            range);
    return OutcomeAnalysis.analyse(
        progress,
        outcome,
        ProgressThresholds.defaults(),
        OutcomeThresholds.defaults(),
        PlanJourney.clockAtEndOfDay(day));
  }
}
