package app.lumbra.adherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.lumbra.adherence.domain.AdherenceReport;
import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.adherence.domain.Attendance;
import app.lumbra.adherence.domain.HomeCareAdherence;
import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.adherence.domain.SessionGap;
import app.lumbra.journeys.PlanJourney;
import app.lumbra.progress.domain.ProgressAnalysis;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressThresholds;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdherenceRulesTest {

  @Test
  @DisplayName("ADH-1: attended of scheduled to date and missed sessions")
  void ADH_1_attendedOfScheduledToDateAndMissedSessions() {
    ProgressReport report =
        PlanJourney.initialPhase(6, 2)
            .session(0, 6, 5)
            .session(3, 6, 5)
            .missed(7)
            .cancelled(10)
            .session(14, 6, 5)
            .planned(17)
            .planned(21)
            .reportOnDay(18);

    Attendance attendance = report.adherence().attendance();
    assertThat(attendance.attended()).isEqualTo(3);
    assertThat(attendance.missed()).isEqualTo(1);
    assertThat(attendance.cancelled()).isEqualTo(1);
    assertThat(attendance.unrecorded()).as("day 17 is past, day 21 is not").isEqualTo(1);
    assertThat(attendance.scheduledToDate()).isEqualTo(5);
    assertThat(attendance.attendedShare()).isEqualTo(0.6);
  }

  @Test
  @DisplayName("ADH-1: a patient cancellation counts against attendance, a clinic one does not")
  void ADH_1_aPatientCancellationCountsAgainstAttendanceAClinicOneDoesNot() {
    ProgressReport report =
        PlanJourney.initialPhase(6, 2)
            .session(0, 6, 5)
            .cancelledByPatient(3)
            .cancelled(7)
            .session(10, 6, 5)
            .reportOnDay(11);

    Attendance attendance = report.adherence().attendance();
    assertThat(attendance.scheduledToDate()).as("the clinic's cancellation left out").isEqualTo(3);
    assertThat(attendance.attended()).isEqualTo(2);
    assertThat(attendance.cancelledByPatient()).isEqualTo(1);
    assertThat(attendance.cancelled()).as("by the clinic").isEqualTo(1);
    assertThat(attendance.missed()).isZero();
    assertThat(attendance.attendedShare()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  @DisplayName("ADH-1: dates of the plans schedule without a record count as due")
  void ADH_1_datesOfThePlansScheduleWithoutARecordCountAsDue() {
    ProgressReport report =
        PlanJourney.initialPhase(6, 2)
            .session(0, 6, 5)
            .plannedByThePlan(0)
            .plannedByThePlan(3)
            .plannedByThePlan(7)
            .reportOnDay(5);
    Attendance attendance = report.adherence().attendance();
    assertThat(attendance.scheduledToDate()).isEqualTo(2);
    assertThat(attendance.unrecorded()).isEqualTo(1);
  }

  @Test
  @DisplayName("ADH-2: a gap longer than one and a half planned intervals is losing ground")
  void ADH_2_aGapLongerThanOneAndAHalfPlannedIntervalsIsLosingGround() {
    // Twice a week is an interval of 3.5 days; 1.5 × that is 5.25 days.
    ProgressReport report =
        PlanJourney.initialPhase(6, 2)
            .session(0, 6, 5)
            .session(5, 6, 5)
            .session(11, 6, 5)
            .session(14, 6, 5)
            .reportOnDay(15);

    AdherenceReport adherence = report.adherence();
    assertThat(adherence.gaps())
        .extracting(gap -> gap.length().toDays(), SessionGap::ongoing)
        .containsExactly(Tuple.tuple(6L, false));
    assertThat(adherence.flags())
        .singleElement()
        .satisfies(flag -> assertThat(flag.ruleId()).isEqualTo("ADH-2"))
        .satisfies(flag -> assertThat(flag.message()).startsWith("losing ground between sessions"));
    assertThat(report.alertsOf("ADH-2")).hasSize(1);
  }

  @Test
  @DisplayName("ADH-2: the gap factor is configurable")
  void ADH_2_theGapFactorIsConfigurable() {
    PlanJourney journey = PlanJourney.initialPhase(6, 2).session(0, 6, 5).session(6, 6, 5);
    AdherenceReport lenient =
        ProgressAnalysis.analyse(
                journey.snapshot(),
                ProgressThresholds.defaults(),
                new AdherenceThresholds(2.0),
                PlanJourney.clockAtEndOfDay(7))
            .adherence();
    assertThat(lenient.gaps()).isEmpty();
    assertThat(journey.reportOnDay(7).adherence().gaps()).hasSize(1);
  }

  @Test
  @DisplayName("ADH-2: the step down to taper is not a gap but time since the last session can be")
  void ADH_2_theStepDownToTaperIsNotAGapButTimeSinceTheLastSessionCanBe() {
    ProgressReport report =
        PlanJourney.initialPhase(2, 2)
            .session(0, 6, 5)
            .session(3, 6, 5)
            .session(7, 6, 5)
            .session(10, 6, 5)
            .phase(PlannedPhase.TAPER, 14, 1)
            .session(17, 5, 4)
            .reportOnDay(30);
    assertThat(report.adherence().gaps())
        .singleElement()
        .satisfies(gap -> assertThat(gap.ongoing()).isTrue());
  }

  @Test
  @DisplayName("ADH-3: share of days with home care done per task")
  void ADH_3_shareOfDaysWithHomeCareDonePerTask() {
    PlanJourney journey =
        PlanJourney.initialPhase(6, 2).homeCareTask("stretching").homeCareTask("hydration");
    for (int day = 0; day < 10; day++) {
      journey.homeCare(day, "stretching", day % 2 == 0);
    }
    journey.homeCare(3, "hydration", true);

    assertThat(journey.reportOnDay(9).adherence().homeCare())
        .extracting(
            HomeCareAdherence::taskId,
            HomeCareAdherence::daysDone,
            HomeCareAdherence::daysElapsed,
            HomeCareAdherence::shareDone)
        .containsExactly(
            Tuple.tuple("stretching", 5, 10, 0.5), Tuple.tuple("hydration", 1, 10, 0.1));
  }

  @Test
  @DisplayName("ADH-3: days the plan was on hold are not counted")
  void ADH_3_daysThePlanWasOnHoldAreNotCounted() {
    PlanJourney journey = PlanJourney.initialPhase(6, 2).homeCareTask("stretching");
    for (int day = 0; day < 10; day++) {
      journey.homeCare(day, "stretching", day < 4 || day >= 8);
    }
    // On hold from day 4 to day 8: four days nobody expected stretching on, even if logged.
    journey.homeCare(5, "stretching", true).onHold(4, 8);

    assertThat(journey.reportOnDay(9).adherence().homeCare())
        .extracting(HomeCareAdherence::daysDone, HomeCareAdherence::daysElapsed)
        .containsExactly(Tuple.tuple(6, 6));
  }
}
