package app.lumbra.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.progress.domain.AlertSeverity;
import app.lumbra.progress.domain.Classification;
import app.lumbra.progress.domain.EarlyResponse;
import app.lumbra.progress.domain.NextStep;
import app.lumbra.progress.domain.ProgressAlert;
import app.lumbra.progress.domain.ProgressReport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Whole patient journeys through the progress and adherence rules, week by week. */
class PatientJourneysTest {

  @Test
  void acuteSevereFlareUpRespondsEarlyImprovesAndPlateausAroundWeek5() {
    PlanJourney journey = Journeys.acuteSevereFlareUpThatPlateausAroundWeek5();

    ProgressReport afterThreeSessions = journey.reportOnDay(4);
    assertThat(afterThreeSessions.earlyResponse()).isEqualTo(EarlyResponse.EARLY_RESPONDER);
    assertThat(afterThreeSessions.classification()).isEqualTo(Classification.EARLY_RESPONDER);

    assertThat(journey.reportOnDay(21).classification()).isEqualTo(Classification.IMPROVING);
    assertThat(journey.reportOnDay(28).classification())
        .as("still levelling off in week 4")
        .isEqualTo(Classification.IMPROVING);

    ProgressReport week5 = journey.reportOnDay(35);
    assertThat(week5.classification()).isEqualTo(Classification.PLATEAU);
    assertThat(week5.baselineComparison().orElseThrow().importantImprovement()).isTrue();
    assertThat(week5.alerts())
        .extracting(ProgressAlert::ruleId, ProgressAlert::suggestedNextStep)
        .containsExactly(Tuple.tuple("PROG-4", NextStep.MOVE_TO_TAPER));
    assertThat(week5.sessionEffects()).allSatisfy(e -> assertThat(e.effect()).isNegative());
    assertThat(week5.adherence().attendance().attendedShare()).isEqualTo(1.0);
    assertThat(week5.adherence().gaps()).isEmpty();
  }

  @Test
  void acuteFlareUpOnceTaperingIsNotToldToTaperAgainButToMoveToMaintenance() {
    ProgressReport report = Journeys.acuteFlareUpNowTapering().reportOnDay(42);
    assertThat(report.alertsOf("PROG-4"))
        .extracting(ProgressAlert::suggestedNextStep)
        .containsExactly(NextStep.MOVE_TO_MAINTENANCE);
  }

  @Test
  void chronicDeskWorkerWhoDoesNotRespondIsFlaggedForReviewAfterSixSessionsThenToStop() {
    PlanJourney journey = Journeys.chronicDeskWorkerWhoDoesNotRespondByWeek6();

    assertThat(journey.reportOnDay(7).earlyResponse()).isEqualTo(EarlyResponse.NOT_YET);
    ProgressReport week2 = journey.reportOnDay(16);
    assertThat(week2.classification()).isEqualTo(Classification.NOT_YET_IMPROVING);
    assertThat(week2.alerts()).isEmpty();
    assertThat(week2.sessionEffects()).allSatisfy(e -> assertThat(e.effect()).isEqualTo(-1));

    // PROG-5: the 6th attended session (day 17) comes before the 6-week initial phase ends.
    ProgressReport sixthSession = journey.reportOnDay(17);
    assertThat(sixthSession.classification()).isEqualTo(Classification.NON_RESPONDER);
    assertThat(sixthSession.alerts())
        .extracting(ProgressAlert::ruleId, ProgressAlert::suggestedNextStep)
        .containsExactly(Tuple.tuple("PROG-5", NextStep.REVIEW_PLAN));

    assertThat(journey.reportOnDay(31).alerts())
        .extracting(ProgressAlert::ruleId, ProgressAlert::suggestedNextStep)
        .containsExactly(Tuple.tuple("PROG-5", NextStep.STOP_OR_REFER));
  }

  @Test
  void discHerniationPatientWhoReportsNewLegPainAfterNineSessionsIsFlagged() {
    // The demo patient DEMO-3: leg pain asked at every session and absent, new on day 19
    // (diary), recorded absent again on day 20.
    ProgressReport report = Journeys.newLegPainAfterNineSessions().reportOnDay(20);
    assertThat(report.alertsOf("PROG-6"))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.CLINICIAN_REVIEW);
              assertThat(alert.message()).contains("New shooting leg pain (LEFT) since 2026-01-24");
            });
  }

  @Test
  void sciaticaInBothLegsInTheFirstWeekIsARedFlagListedFirst() {
    ProgressReport report = Journeys.legPainInBothLegsOnDay3().reportOnDay(3);
    assertThat(report.alerts()).isNotEmpty();
    assertThat(report.alerts().get(0).severity()).isEqualTo(AlertSeverity.RED_FLAG);
    assertThat(report.alertsOf("PROG-6"))
        .extracting(ProgressAlert::severity)
        .containsExactly(AlertSeverity.RED_FLAG, AlertSeverity.REVIEW);
  }

  @Test
  void shootingLegPainInWeek3RaisesARedFlagWhilePainOtherwiseImproves() {
    PlanJourney journey = Journeys.shootingLegPainAppearsInWeek3();

    assertThat(journey.reportOnDay(16).alertsOf("PROG-6")).isEmpty();
    ProgressReport week3 = journey.reportOnDay(21);
    assertThat(week3.classification()).isEqualTo(Classification.IMPROVING);
    assertThat(week3.alertsOf("PROG-6"))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.CLINICIAN_REVIEW);
              assertThat(alert.message()).contains("New shooting leg pain (LEFT) since 2026-01-22");
            });
  }

  @Test
  void missedSessionsAndALongGapShowInAdherenceAndFadingReliefSuggestsResuming() {
    ProgressReport report = Journeys.missedSessionsAndALongGap().reportOnDay(40);

    var attendance = report.adherence().attendance();
    assertThat(attendance.attended()).isEqualTo(5);
    assertThat(attendance.missed()).isEqualTo(2);
    assertThat(attendance.cancelled()).isEqualTo(1);
    assertThat(attendance.unrecorded()).as("days 31, 35 and 38 never recorded").isEqualTo(3);
    assertThat(attendance.scheduledToDate()).isEqualTo(10);

    assertThat(report.adherence().gaps())
        .extracting(gap -> gap.from().getDayOfMonth(), gap -> gap.ongoing())
        .containsExactly(Tuple.tuple(15, false), Tuple.tuple(2, true));
    assertThat(report.alertsOf("ADH-2")).as("the open gap; the old one is history").hasSize(1);
    assertThat(report.alertsOf("PROG-7"))
        .singleElement()
        .satisfies(
            alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.RESUME_SESSIONS));
  }
}
