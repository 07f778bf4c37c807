package app.lumbra.progress;

import static app.lumbra.journeys.PlanJourney.clockAtEndOfDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.journeys.PlanJourney;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.progress.domain.AlertSeverity;
import app.lumbra.progress.domain.Classification;
import app.lumbra.progress.domain.ClinicallyImportantChange;
import app.lumbra.progress.domain.EarlyResponse;
import app.lumbra.progress.domain.LeastSquares;
import app.lumbra.progress.domain.NextStep;
import app.lumbra.progress.domain.PainComparison;
import app.lumbra.progress.domain.ProgressAlert;
import app.lumbra.progress.domain.ProgressAnalysis;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.progress.domain.SessionEffect;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One or more tests per progress rule, on small made-up plans. */
class ProgressRulesTest {

  private static final ProgressThresholds DEFAULTS = ProgressThresholds.defaults();

  /** Twice-weekly sessions (days 0, 3, 7, 10, …) with diary pain {@code level(day)}. */
  private static PlanJourney twiceWeekly(int lastDay, IntUnaryOperator level) {
    PlanJourney journey = PlanJourney.initialPhase(6, 2);
    for (int day = 0; day <= lastDay; day++) {
      int pain = level.applyAsInt(day);
      if (day % 7 == 0 || day % 7 == 3) {
        journey.session(day, pain, Math.max(0, pain - 1));
      }
      journey.diary(day, pain);
    }
    return journey;
  }

  @Test
  @DisplayName("PROG-1: the effect of a session is post minus pre pain")
  void PROG_1_theEffectOfASessionIsPostMinusPrePain() {
    ProgressReport report =
        PlanJourney.initialPhase(6, 2).session(0, 7, 4).session(3, 6, 6).reportOnDay(4);

    assertThat(report.sessionEffects())
        .extracting(SessionEffect::prePain, SessionEffect::postPain, SessionEffect::effect)
        .containsExactly(Tuple.tuple(7, 4, -3), Tuple.tuple(6, 6, 0));
    assertThat(report.trend().sessions()).hasSize(2);
  }

  @Test
  @DisplayName("PROG-2: a drop of two points or thirty percent is clinically important")
  void PROG_2_aDropOfTwoPointsOrThirtyPercentIsClinicallyImportant() {
    assertThat(ClinicallyImportantChange.isImprovement(6, 4, DEFAULTS)).isTrue();
    assertThat(ClinicallyImportantChange.isImprovement(3, 2, DEFAULTS)).as("33 %").isTrue();
    assertThat(ClinicallyImportantChange.isImprovement(6, 5, DEFAULTS)).isFalse();
    assertThat(ClinicallyImportantChange.isImprovement(0, 0, DEFAULTS)).isFalse();
    assertThat(ClinicallyImportantChange.isRise(3, 5, DEFAULTS)).isTrue();
    assertThat(ClinicallyImportantChange.isRise(2, 3, DEFAULTS)).as("50 % but 1 point").isFalse();
  }

  @Test
  @DisplayName("PROG-2: thresholds are configurable")
  void PROG_2_thresholdsAreConfigurable() {
    ProgressThresholds strict = new ProgressThresholds(3, 40, 0.25);
    assertThat(ClinicallyImportantChange.isImprovement(6, 4, strict)).isFalse();
    assertThat(ClinicallyImportantChange.isImprovement(6, 3, strict)).isTrue();
  }

  @Test
  @DisplayName("PROG-2: baseline is the first week and current the last week")
  void PROG_2_baselineIsTheFirstWeekAndCurrentTheLastWeek() {
    ProgressReport report = twiceWeekly(20, day -> day < 7 ? 7 : day < 14 ? 6 : 4).reportOnDay(20);

    PainComparison comparison = report.baselineComparison().orElseThrow();
    assertThat(comparison.baseline()).isEqualTo(7.0);
    assertThat(comparison.current()).isEqualTo(4.0);
    assertThat(comparison.change()).isEqualTo(-3.0);
    assertThat(comparison.importantImprovement()).isTrue();
    assertThat(report.classification()).isEqualTo(Classification.IMPROVING);
    assertThat(report.trend().daily()).hasSize(21);
  }

  @Test
  @DisplayName("PROG-2: post session scores show relief but do not lower the pain level")
  void PROG_2_postSessionScoresShowReliefButDoNotLowerThePainLevel() {
    PlanJourney journey = PlanJourney.initialPhase(6, 2).session(0, 6, 1);
    ProgressReport report = journey.diary(1, 6).reportOnDay(1);
    assertThat(report.trend().daily()).first().satisfies(d -> assertThat(d.mean()).isEqualTo(6.0));
  }

  @Test
  @DisplayName("PROG-2: there is no comparison while the two weeks overlap")
  void PROG_2_thereIsNoComparisonWhileTheTwoWeeksOverlap() {
    assertThat(twiceWeekly(12, day -> 6).reportOnDay(12).baselineComparison()).isEmpty();
    assertThat(twiceWeekly(13, day -> 6).reportOnDay(13).baselineComparison()).isPresent();
  }

  @Test
  @DisplayName("PROG-3: an important drop by the third session is an early response")
  void PROG_3_anImportantDropByTheThirdSessionIsAnEarlyResponse() {
    ProgressReport report =
        PlanJourney.initialPhase(6, 3)
            .session(0, 8, 6)
            .session(2, 7, 5)
            .session(4, 6, 4)
            .reportOnDay(4);
    assertThat(report.earlyResponse()).isEqualTo(EarlyResponse.EARLY_RESPONDER);
    assertThat(report.classification()).isEqualTo(Classification.EARLY_RESPONDER);
  }

  @Test
  @DisplayName("PROG-3: immediate relief alone is not yet an early response")
  void PROG_3_immediateReliefAloneIsNotYetAnEarlyResponse() {
    ProgressReport report =
        PlanJourney.initialPhase(6, 3)
            .session(0, 6, 3)
            .session(2, 6, 3)
            .session(4, 5, 3)
            .reportOnDay(4);
    assertThat(report.earlyResponse()).isEqualTo(EarlyResponse.NOT_YET);
    assertThat(report.classification()).isEqualTo(Classification.NOT_YET_IMPROVING);
  }

  @Test
  @DisplayName("PROG-3: before the third session it is too early to say")
  void PROG_3_beforeTheThirdSessionItIsTooEarlyToSay() {
    ProgressReport report =
        PlanJourney.initialPhase(6, 3).session(0, 8, 6).session(2, 5, 4).reportOnDay(2);
    assertThat(report.earlyResponse()).isEqualTo(EarlyResponse.TOO_EARLY);
    assertThat(report.classification()).isEqualTo(Classification.NOT_ENOUGH_DATA);
  }

  @Test
  @DisplayName("PROG-4: plateau is suggested after three flat weeks")
  void PROG_4_plateauIsSuggestedAfterThreeFlatWeeks() {
    ProgressReport report = twiceWeekly(35, day -> day < 7 ? 7 : 4).reportOnDay(35);

    assertThat(report.slope()).hasValueCloseTo(0.0, within(1e-9));
    assertThat(report.classification()).isEqualTo(Classification.PLATEAU);
    assertThat(report.alertsOf("PROG-4"))
        .singleElement()
        .satisfies(alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.MOVE_TO_TAPER))
        .satisfies(alert -> assertThat(alert.message()).contains("reducing the session frequency"))
        .satisfies(alert -> assertThat(alert.message()).doesNotContain("TAPER"));
  }

  @Test
  @DisplayName("PROG-4: while still falling it is no plateau")
  void PROG_4_whileStillFallingItIsNoPlateau() {
    // From 8 down by a point every 4 days: a slope of -1.75 points per week.
    ProgressReport report = twiceWeekly(27, day -> Math.max(0, 8 - day / 4)).reportOnDay(27);
    assertThat(report.slope().getAsDouble()).isLessThan(-1.0);
    assertThat(report.classification()).isEqualTo(Classification.IMPROVING);
    assertThat(report.alertsOf("PROG-4")).isEmpty();
  }

  @Test
  @DisplayName("PROG-4: flat without important improvement is no plateau but non response")
  void PROG_4_flatWithoutImportantImprovementIsNoPlateauButNonResponse() {
    ProgressReport report = twiceWeekly(35, day -> 6).reportOnDay(35);
    assertThat(report.slope()).hasValueCloseTo(0.0, within(1e-9));
    assertThat(report.classification()).isEqualTo(Classification.NON_RESPONDER);
    assertThat(report.alertsOf("PROG-4")).isEmpty();
  }

  @Test
  @DisplayName("PROG-4: a plateau while tapering suggests maintenance")
  void PROG_4_aPlateauWhileTaperingSuggestsMaintenance() {
    ProgressReport report =
        twiceWeekly(42, day -> day < 7 ? 7 : 4).phase(PlannedPhase.TAPER, 28, 1).reportOnDay(42);
    assertThat(report.alertsOf("PROG-4"))
        .singleElement()
        .satisfies(
            alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.MOVE_TO_MAINTENANCE));
  }

  @Test
  @DisplayName("PROG-4: the slope is a least squares fit")
  void PROG_4_theSlopeIsALeastSquaresFit() {
    List<LeastSquares.Point> points =
        List.of(
            new LeastSquares.Point(0, 1),
            new LeastSquares.Point(1, 3),
            new LeastSquares.Point(2, 5));
    assertThat(LeastSquares.slope(points)).hasValueCloseTo(2.0, within(1e-12));
    assertThat(LeastSquares.slope(List.of(new LeastSquares.Point(1, 1)))).isEmpty();
  }

  @Test
  @DisplayName(
      "PROG-5: no important improvement after six attended sessions asks to review the plan")
  void PROG_5_noImportantImprovementAfterSixAttendedSessionsAsksToReviewThePlan() {
    // Sessions on days 0, 3, 7, 10, 14, 17: the 6th comes before the 6-week initial phase ends.
    PlanJourney journey = twiceWeekly(42, day -> day < 7 ? 6 : 5);

    assertThat(journey.reportOnDay(16).alertsOf("PROG-5")).isEmpty();
    ProgressReport report = journey.reportOnDay(17);
    assertThat(report.classification()).isEqualTo(Classification.NON_RESPONDER);
    assertThat(report.alertsOf("PROG-5"))
        .singleElement()
        .satisfies(alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.REVIEW_PLAN))
        .satisfies(alert -> assertThat(alert.severity()).isEqualTo(AlertSeverity.REVIEW))
        .satisfies(alert -> assertThat(alert.message()).contains("review the plan"));
  }

  @Test
  @DisplayName("PROG-5: pain flat for four weeks on a three-week initial phase asks for a review")
  void PROG_5_painFlatForFourWeeksOnAThreeWeekInitialPhaseAsksForAReview() {
    PlanJourney journey = PlanJourney.initialPhase(3, 1);
    for (int day = 0; day <= 45; day++) {
      if (day % 7 == 0) {
        journey.session(day, 6, 5);
      }
      journey.diary(day, 6);
    }
    journey.phase(PlannedPhase.TAPER, 21, 1);

    assertThat(journey.reportOnDay(20).alertsOf("PROG-5"))
        .as("initial phase still running")
        .isEmpty();
    assertThat(journey.reportOnDay(21).alertsOf("PROG-5"))
        .as("the day after the 3-week initial phase")
        .singleElement()
        .satisfies(alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.REVIEW_PLAN));
    assertThat(journey.reportOnDay(28).alertsOf("PROG-5"))
        .extracting(ProgressAlert::suggestedNextStep)
        .containsExactly(NextStep.REVIEW_PLAN);
    assertThat(journey.reportOnDay(35).alertsOf("PROG-5"))
        .as("two weeks after the review point")
        .singleElement()
        .satisfies(alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.STOP_OR_REFER))
        .satisfies(alert -> assertThat(alert.message()).contains("stopping massage or referring"));
  }

  @Test
  @DisplayName("PROG-5: never before two weeks of care, however many sessions")
  void PROG_5_neverBeforeTwoWeeksOfCareHoweverManySessions() {
    PlanJourney journey = PlanJourney.initialPhase(6, 3);
    for (int day = 0; day <= 14; day++) {
      if (day % 2 == 0) {
        journey.session(day, 6, 5);
      }
      journey.diary(day, 6);
    }
    assertThat(journey.reportOnDay(13).alertsOf("PROG-5")).as("7 sessions, 13 days").isEmpty();
    assertThat(journey.reportOnDay(14).alertsOf("PROG-5")).hasSize(1);
  }

  @Test
  @DisplayName("PROG-5: an important improvement by the review point raises nothing")
  void PROG_5_anImportantImprovementByTheReviewPointRaisesNothing() {
    assertThat(twiceWeekly(30, day -> day < 7 ? 7 : 4).reportOnDay(30).alertsOf("PROG-5"))
        .isEmpty();
  }

  @Test
  @DisplayName("PROG-6: new shooting leg pain asks for clinician review")
  void PROG_6_newShootingLegPainAsksForClinicianReview() {
    PlanJourney journey =
        twiceWeekly(20, day -> 6)
            .legPain(0, LegPain.absent())
            .legPain(18, LegPain.present(LegPain.Side.RIGHT));
    assertThat(journey.reportOnDay(20).alertsOf("PROG-6"))
        .singleElement()
        .satisfies(
            alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.CLINICIAN_REVIEW))
        .satisfies(alert -> assertThat(alert.severity()).isEqualTo(AlertSeverity.REVIEW))
        .satisfies(alert -> assertThat(alert.message()).contains("New shooting leg pain (RIGHT)"));
  }

  @Test
  @DisplayName("PROG-6: new leg pain on day 3 of the plan is new, the first week included")
  void PROG_6_newLegPainOnDay3IsNewTheFirstWeekIncluded() {
    PlanJourney journey =
        PlanJourney.initialPhase(4, 2)
            .session(0, 6, 5)
            .diary(0, 6)
            .legPain(0, LegPain.absent())
            .diary(3, 9)
            .legPain(3, LegPain.present(LegPain.Side.LEFT));
    assertThat(journey.reportOnDay(3).alertsOf("PROG-6"))
        .singleElement()
        .satisfies(
            alert -> assertThat(alert.message()).contains("New shooting leg pain (LEFT) since"));
  }

  @Test
  @DisplayName("PROG-6: leg pain in both legs is a red flag, not just a review")
  void PROG_6_legPainInBothLegsIsARedFlag() {
    PlanJourney journey =
        twiceWeekly(20, day -> 6)
            .legPain(1, LegPain.present(LegPain.Side.LEFT))
            .legPain(19, LegPain.present(LegPain.Side.BOTH));
    List<ProgressAlert> alerts = journey.reportOnDay(20).alertsOf("PROG-6");
    assertThat(alerts)
        .filteredOn(ProgressAlert::isRedFlag)
        .singleElement()
        .satisfies(
            alert ->
                assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.URGENT_MEDICAL_ASSESSMENT))
        .satisfies(alert -> assertThat(alert.message()).contains("both legs"));
    assertThat(alerts)
        .filteredOn(alert -> !alert.isRedFlag())
        .extracting(ProgressAlert::message)
        .singleElement()
        .asString()
        .contains("spread to BOTH legs");
  }

  @Test
  @DisplayName("PROG-6: leg pain in both legs from the start is still a red flag")
  void PROG_6_legPainInBothLegsFromTheStartIsStillARedFlag() {
    PlanJourney journey = twiceWeekly(6, day -> 6).legPain(0, LegPain.present(LegPain.Side.BOTH));
    assertThat(journey.reportOnDay(6).alertsOf("PROG-6"))
        .singleElement()
        .satisfies(alert -> assertThat(alert.severity()).isEqualTo(AlertSeverity.RED_FLAG));
  }

  @Test
  @DisplayName(
      "PROG-6: leg pain known from the start, or an old episode gone again, raises nothing")
  void PROG_6_legPainKnownFromTheStartOrAnOldEpisodeGoneAgainRaisesNothing() {
    PlanJourney known =
        twiceWeekly(20, day -> 6)
            .legPain(1, LegPain.present(LegPain.Side.LEFT))
            .legPain(19, LegPain.present(LegPain.Side.LEFT));
    PlanJourney gone =
        twiceWeekly(50, day -> 6)
            .legPain(0, LegPain.absent())
            .legPain(10, LegPain.present(LegPain.Side.LEFT))
            .legPain(19, LegPain.absent());
    assertThat(known.reportOnDay(20).alertsOf("PROG-6")).isEmpty();
    assertThat(gone.reportOnDay(50).alertsOf("PROG-6")).isEmpty();
  }

  @Test
  @DisplayName("PROG-6: a recent new episode still asks for review when a later reading is absent")
  void PROG_6_aRecentNewEpisodeStillAsksForReviewWhenALaterReadingIsAbsent() {
    PlanJourney journey =
        twiceWeekly(20, day -> 6)
            .legPain(0, LegPain.absent())
            .legPain(17, LegPain.present(LegPain.Side.LEFT))
            .legPain(19, LegPain.absent());
    assertThat(journey.reportOnDay(20).alertsOf("PROG-6"))
        .singleElement()
        .satisfies(alert -> assertThat(alert.message()).contains("reported absent again on"));
  }

  @Test
  @DisplayName("PROG-6: pain rising by an important amount is worsening")
  void PROG_6_painRisingByAnImportantAmountIsWorsening() {
    ProgressReport report = twiceWeekly(20, day -> day < 14 ? 4 : 7).reportOnDay(20);
    assertThat(report.classification()).isEqualTo(Classification.WORSENING);
    assertThat(report.alertsOf("PROG-6"))
        .singleElement()
        .satisfies(
            alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.CLINICIAN_REVIEW));
  }

  @Test
  @DisplayName("PROG-6: a sudden rise within a week asks for review even below the start")
  void PROG_6_aSuddenRiseWithinAWeekAsksForReviewEvenBelowTheStart() {
    ProgressReport report = twiceWeekly(27, day -> day < 7 ? 8 : day < 21 ? 3 : 5).reportOnDay(27);
    assertThat(report.classification()).isNotEqualTo(Classification.WORSENING);
    assertThat(report.alertsOf("PROG-6"))
        .singleElement()
        .satisfies(alert -> assertThat(alert.message()).contains("within a week"));
  }

  @Test
  @DisplayName("PROG-7: pain rising after sessions stop suggests resuming")
  void PROG_7_painRisingAfterSessionsStopSuggestsResuming() {
    PlanJourney journey = PlanJourney.initialPhase(4, 2);
    for (int day = 0; day <= 45; day++) {
      int pain = day < 7 ? 7 : day < 36 ? 3 : 6;
      if (day < 28 && (day % 7 == 0 || day % 7 == 3)) {
        journey.session(day, pain, pain - 1);
      }
      journey.diary(day, pain);
    }
    ProgressReport report = journey.sessionsStopped().reportOnDay(45);
    assertThat(report.alertsOf("PROG-7"))
        .singleElement()
        .satisfies(
            alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.RESUME_SESSIONS))
        .satisfies(alert -> assertThat(alert.message()).contains("since the last session"));
    assertThat(report.alertsOf("PROG-6")).as("a fade, not a red flag").isEmpty();
  }

  @Test
  @DisplayName("PROG-7: stable relief after sessions stop raises nothing")
  void PROG_7_stableReliefAfterSessionsStopRaisesNothing() {
    PlanJourney journey = PlanJourney.initialPhase(4, 2);
    for (int day = 0; day <= 45; day++) {
      int pain = day < 7 ? 7 : 3;
      if (day < 28 && (day % 7 == 0 || day % 7 == 3)) {
        journey.session(day, pain, pain - 1);
      }
      journey.diary(day, pain);
    }
    assertThat(journey.sessionsStopped().reportOnDay(45).alertsOf("PROG-7")).isEmpty();
  }

  @Test
  void theReportIsAPureFunctionOfSnapshotAndClock() {
    PlanJourney journey = twiceWeekly(20, day -> day < 7 ? 7 : 4);
    ProgressReport once =
        ProgressAnalysis.analyse(
            journey.snapshot(), DEFAULTS, AdherenceThresholds.defaults(), clockAtEndOfDay(20));
    ProgressReport again =
        ProgressAnalysis.analyse(
            journey.snapshot(), DEFAULTS, AdherenceThresholds.defaults(), clockAtEndOfDay(20));
    assertThat(again).isEqualTo(once);
  }
}
