package app.lumbra.outcome.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import app.lumbra.journeys.Journeys;
import app.lumbra.journeys.PlanJourney;
import app.lumbra.safety.domain.AlertKind;
import app.lumbra.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The outcome rules (OUT-1..OUT-4) on patient journeys, without a container. */
class OutcomeRulesTest {

  private static LocalDate day(int day) {
    return PlanJourney.PLAN_START.plusDays(day);
  }

  @Test
  @DisplayName("OUT-1: a recovered patient improved in pain, ODI and RMDQ, each named")
  void OUT1_recoveredPatientImprovedInPainAndFunction() {
    OutcomeReport report = OutcomeJourneys.recoveredPatient().reportOnDay(28);

    assertThat(report.improved())
        .containsExactly(
            TrackedMeasure.PAIN, TrackedMeasure.OSWESTRY, TrackedMeasure.ROLAND_MORRIS);
    assertThat(report.worsened()).isEmpty();
    assertThat(report.summary())
        .isEqualTo("Improved: pain, Oswestry disability (ODI), Roland–Morris disability (RMDQ).");
    MeasureTrend rmdq = report.trend(TrackedMeasure.ROLAND_MORRIS).orElseThrow();
    assertThat(rmdq.baseline()).isEqualTo(12.0);
    assertThat(rmdq.current()).isEqualTo(2.0);
    // 30 % of 12 is 3.6 points, fewer than the 5 points: the smaller one is the band.
    assertThat(rmdq.importantChange()).isEqualTo(3.6, within(1e-9));
    MeasureTrend stiffness = report.trend(TrackedMeasure.STIFFNESS).orElseThrow();
    assertThat(stiffness.direction()).isEqualTo(Direction.NO_IMPORTANT_CHANGE);
  }

  @Test
  @DisplayName("OUT-1: ODI needs 10 points or 30 %, RMDQ 5 points or 30 %")
  void OUT1_importantChangeOfFunctionFollowsOstelo() {
    OutcomeThresholds t = OutcomeThresholds.defaults();
    assertThat(ImportantChangePolicy.isImprovement(TrackedMeasure.OSWESTRY, 60, 51, t)).isFalse();
    assertThat(ImportantChangePolicy.isImprovement(TrackedMeasure.OSWESTRY, 60, 50, t)).isTrue();
    // 30 % of 20 is 6: a drop of 6 points is important before the 10 points are reached.
    assertThat(ImportantChangePolicy.isImprovement(TrackedMeasure.OSWESTRY, 20, 14, t)).isTrue();
    assertThat(ImportantChangePolicy.isImprovement(TrackedMeasure.ROLAND_MORRIS, 20, 16, t))
        .isFalse();
    assertThat(ImportantChangePolicy.isImprovement(TrackedMeasure.ROLAND_MORRIS, 20, 15, t))
        .isTrue();
    assertThat(ImportantChangePolicy.isImprovement(TrackedMeasure.ROLAND_MORRIS, 10, 7, t))
        .isTrue();
    // A rise is judged on points only: 30 % of a low baseline would be noise.
    assertThat(ImportantChangePolicy.isWorsening(TrackedMeasure.ROLAND_MORRIS, 4, 8, t)).isFalse();
    assertThat(ImportantChangePolicy.isWorsening(TrackedMeasure.ROLAND_MORRIS, 4, 9, t)).isTrue();
  }

  @Test
  @DisplayName("OUT-1: a non-responder's progress names what worsened, not pain alone")
  void OUT1_nonResponderProgressNamesWorseningStiffness() {
    OutcomeReport report = OutcomeJourneys.nonResponderReachingAReview().reportOnDay(35);

    assertThat(report.improved()).isEmpty();
    assertThat(report.worsened()).containsExactly(TrackedMeasure.STIFFNESS);
    assertThat(report.summary()).isEqualTo("Worse: stiffness.");
    assertThat(report.trend(TrackedMeasure.ROLAND_MORRIS).orElseThrow().direction())
        .isEqualTo(Direction.NO_IMPORTANT_CHANGE);
    assertThat(report.trend(TrackedMeasure.OSWESTRY).orElseThrow().direction())
        .isEqualTo(Direction.NOT_ENOUGH_DATA);
  }

  @Test
  @DisplayName("OUT-2: due at the 3rd session, the end of the initial phase, then every 6 weeks")
  void OUT2_reassessmentsAreScheduled() {
    OutcomeReport report = OutcomeJourneys.recoveredPatient().reportOnDay(28);

    assertThat(report.reassessments())
        .extracting(ReassessmentDue::dueOn, ReassessmentDue::status)
        .containsExactly(
            tuple(day(7), ReassessmentStatus.DONE),
            tuple(day(28), ReassessmentStatus.DONE),
            tuple(day(70), ReassessmentStatus.UPCOMING));
  }

  @Test
  @DisplayName("OUT-2: a reassessment not done 7 days after its day is an overdue alert")
  void OUT2_overdueReassessmentIsAnAlert() {
    OutcomeJourney journey =
        OutcomeJourney.of(Journeys.chronicDeskWorkerWhoDoesNotRespondByWeek6());

    OutcomeReport dueDay = journey.reportOnDay(7);
    assertThat(dueDay.openReassessment().orElseThrow().status()).isEqualTo(ReassessmentStatus.DUE);
    assertThat(OutcomeAnalysis.alerts(dueDay))
        .filteredOn(alert -> alert.ruleId().equals("OUT-2"))
        .extracting(OutcomeAlert::kind, OutcomeAlert::title)
        .containsExactly(tuple(AlertKind.INFO, "Reassessment due"));

    OutcomeReport later = journey.reportOnDay(15);
    List<OutcomeAlert> alerts =
        OutcomeAnalysis.alerts(later).stream()
            .filter(alert -> alert.ruleId().equals("OUT-2"))
            .toList();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).kind()).isEqualTo(AlertKind.REVIEW);
    assertThat(alerts.get(0).title()).isEqualTo("Reassessment overdue");
    assertThat(alerts.get(0).reason()).contains(day(7).toString(), "at the 3rd session");

    OutcomeReport done = journey.reassessed(15).reportOnDay(15);
    assertThat(OutcomeAnalysis.alerts(done)).noneMatch(alert -> alert.ruleId().equals("OUT-2"));
  }

  @Test
  @DisplayName("OUT-3: recovered and goal met are suggested for discharge")
  void OUT3_recoveredPatientIsSuggestedForDischarge() {
    OutcomeReport report = OutcomeJourneys.recoveredPatient().reportOnDay(28);

    assertThat(report.dischargeSuggestions())
        .extracting(DischargeSuggestion::reason)
        .containsExactly(DischargeReason.GOAL_MET, DischargeReason.RECOVERED);
    assertThat(OutcomeAnalysis.alerts(report))
        .filteredOn(alert -> alert.ruleId().equals("OUT-3"))
        .extracting(OutcomeAlert::title)
        .containsExactly(
            "Consider discharge: the goal was met",
            "Consider discharge: the patient has recovered");
  }

  @Test
  @DisplayName("OUT-3: non-response persisting past the review suggests discharge; not before")
  void OUT3_nonResponseAfterTheReviewSuggestsDischarge() {
    OutcomeJourney journey = OutcomeJourneys.nonResponderReachingAReview();

    assertThat(journey.reportOnDay(20).dischargeSuggestions()).isEmpty();
    assertThat(journey.reportOnDay(35).dischargeSuggestions())
        .extracting(DischargeSuggestion::reason)
        .containsExactly(DischargeReason.NON_RESPONSE);
  }

  @Test
  @DisplayName("OUT-3: nothing is suggested for a plan that is no longer open")
  void OUT3_closedPlanHasNoSuggestions() {
    OutcomeReport report = OutcomeJourneys.recoveredPatient().closed().reportOnDay(28);

    assertThat(report.dischargeSuggestions()).isEmpty();
    assertThat(report.reassessments()).isEmpty();
  }

  @Test
  @DisplayName("OUT-3: an unknown discharge reason is refused naming the allowed ones")
  void OUT3_unknownReasonIsRefused() {
    assertThatThrownBy(() -> DischargeReason.fromCode("BORED"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reason")
        .hasMessageContaining("GOAL_MET, RECOVERED, NON_RESPONSE");
  }

  @Test
  @DisplayName("OUT-4: relief lasting 10 days on a 3-weekly interval suggests every 2 weeks")
  void OUT4_reliefOfTenDaysSuggestsAShorterInterval() {
    OutcomeJourney journey = OutcomeJourneys.maintenancePatientWhoseReliefLastsTenDays();

    assertThat(journey.reportOnDay(111).maintenance()).isEmpty();
    OutcomeReport report = journey.reportOnDay(112);
    MaintenanceReview review = report.maintenance().orElseThrow();
    assertThat(review.dueOn()).isEqualTo(day(112));
    // Sessions at 10:00, diary entries at 20:00.
    assertThat(review.reliefDays()).isCloseTo(10.4, within(0.1));
    assertThat(review.sessionsMeasured()).isEqualTo(4);
    assertThat(review.suggestion()).isEqualTo(IntervalSuggestion.SHORTER_INTERVAL);
    assertThat(review.suggestedIntervalWeeks()).isEqualTo(2);
    assertThat(review.explanation())
        .startsWith("Relief lasts about 10 days after a session")
        .contains("every 2 weeks", "every 2 to 4 weeks");
    assertThat(OutcomeAnalysis.alerts(report))
        .filteredOn(alert -> alert.ruleId().equals("OUT-4"))
        .hasSize(1);
  }

  @Test
  @DisplayName("OUT-4: relief outlasting the interval without a rise suggests a longer one")
  void OUT4_reliefOutlastingTheIntervalSuggestsALongerOne() {
    MaintenanceReview review =
        MaintenanceReviewPolicy.suggest(day(112), false, List.of(25.0, 30.0), false, 3, 3, 4);
    assertThat(review.suggestion()).isEqualTo(IntervalSuggestion.LONGER_INTERVAL);
    assertThat(review.suggestedIntervalWeeks()).isEqualTo(4);

    MaintenanceReview atLongest =
        MaintenanceReviewPolicy.suggest(day(112), false, List.of(35.0), false, 4, 3, 4);
    assertThat(atLongest.suggestion()).isEqualTo(IntervalSuggestion.STOP);

    MaintenanceReview rose =
        MaintenanceReviewPolicy.suggest(day(112), false, List.of(25.0), true, 3, 3, 4);
    assertThat(rose.suggestion()).isEqualTo(IntervalSuggestion.KEEP_INTERVAL);
  }

  @Test
  @DisplayName("OUT-4: sessions without relief suggest stopping, which suggests discharge")
  void OUT4_noReliefSuggestsStopping() {
    MaintenanceReview review =
        MaintenanceReviewPolicy.suggest(day(112), false, List.of(0.0, 0.0, 0.5), false, 3, 3, 4);
    assertThat(review.suggestion()).isEqualTo(IntervalSuggestion.STOP);
  }
}
