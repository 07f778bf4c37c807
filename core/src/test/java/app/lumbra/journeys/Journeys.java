package app.lumbra.journeys;

import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.observation.domain.LegPain;

/** Realistic patient journeys, named for what happens in them. */
public final class Journeys {

  private Journeys() {}

  /**
   * Acute severe flare-up (NRS 8) treated three times a week: pain falls quickly in the first two
   * weeks to about 3 and then stays there, so improvement has levelled off by week 5.
   */
  public static PlanJourney acuteSevereFlareUpThatPlateausAroundWeek5() {
    PlanJourney journey = PlanJourney.initialPhase(6, 3);
    for (int day = 0; day <= 42; day++) {
      int level = acuteLevel(day);
      if (day % 7 == 0 || day % 7 == 2 || day % 7 == 4) {
        journey.session(day, level, Math.max(0, level - 2));
      }
      journey.diary(day, level);
    }
    return journey;
  }

  /** Pain that halves its distance to 3 about every 3.5 days, from 8. */
  static int acuteLevel(int day) {
    return (int) Math.round(3 + 5 * Math.exp(-day / 5.0));
  }

  /**
   * Chronic low-back pain of a desk worker at NRS 6, twice a week for 6 weeks: each session brings
   * a point of relief for the evening, but the level between sessions does not move.
   */
  public static PlanJourney chronicDeskWorkerWhoDoesNotRespondByWeek6() {
    PlanJourney journey = PlanJourney.initialPhase(6, 2);
    int[] week = {6, 6, 5, 6, 6, 7, 6};
    for (int day = 0; day <= 49; day++) {
      int level = week[day % 7];
      if (day % 7 == 0 || day % 7 == 3) {
        journey.session(day, level, level - 1);
      }
      journey.diary(day, level);
    }
    return journey;
  }

  /**
   * A patient improving from NRS 7 with twice-weekly sessions who reports shooting pain down the
   * left leg from day 17 (week 3); leg pain was asked about weekly and absent before.
   */
  public static PlanJourney shootingLegPainAppearsInWeek3() {
    PlanJourney journey = PlanJourney.initialPhase(6, 2);
    for (int day = 0; day <= 24; day++) {
      int level = day < 7 ? 7 : day < 14 ? 6 : 5;
      if (day % 7 == 0 || day % 7 == 3) {
        journey.session(day, level, level - 1);
      }
      journey.diary(day, level);
    }
    journey.legPain(0, LegPain.absent()).legPain(7, LegPain.absent()).legPain(14, LegPain.absent());
    journey.legPain(17, LegPain.present(LegPain.Side.LEFT));
    journey.legPain(21, LegPain.present(LegPain.Side.LEFT));
    return journey;
  }

  /**
   * Twice a week (Monday, Thursday) for two weeks with good relief, then two missed sessions (days
   * 14 and 17), one cancelled by the clinic (day 21) and a long gap until day 28; the patient then
   * stops coming while sessions are still planned, and pain creeps back up.
   */
  public static PlanJourney missedSessionsAndALongGap() {
    PlanJourney journey = PlanJourney.initialPhase(6, 2);
    int[] levels = {7, 6, 6, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4};
    for (int day = 0; day < 14; day++) {
      journey.diary(day, levels[day]);
    }
    journey.session(0, 7, 5).session(3, 5, 4).session(7, 4, 3).session(10, 4, 3);
    journey.missed(14).missed(17).cancelled(21);
    for (int day = 14; day <= 28; day++) {
      journey.diary(day, 5);
    }
    journey.session(28, 5, 3);
    journey.planned(31).planned(35).planned(38).planned(42);
    for (int day = 29; day <= 42; day++) {
      journey.diary(day, day < 33 ? 4 : 7);
    }
    return journey;
  }

  /** The acute flare-up after its initial phase: tapering since day 35. */
  public static PlanJourney acuteFlareUpNowTapering() {
    return acuteSevereFlareUpThatPlateausAroundWeek5().phase(PlannedPhase.TAPER, 35, 1);
  }

  /**
   * A disc herniation treated three times a week (Monday, Wednesday, Friday), leg pain asked at
   * every session and absent; after 9 sessions the diary of day 19 reports shooting pain down the
   * left leg, and the next day it is recorded absent again.
   */
  public static PlanJourney newLegPainAfterNineSessions() {
    PlanJourney journey = PlanJourney.initialPhase(6, 3);
    for (int day = 0; day <= 20; day++) {
      int level = day < 7 ? 7 : 6;
      if (day % 7 == 0 || day % 7 == 2 || day % 7 == 4) {
        journey.session(day, level, level - 2);
        journey.legPain(day, LegPain.absent());
      }
      journey.diary(day, level);
    }
    return journey.legPain(19, LegPain.present(LegPain.Side.LEFT)).legPain(20, LegPain.absent());
  }

  /**
   * A flare-up with no leg pain at the first session; on day 3 the patient reports shooting pain
   * down both legs with pain 9/10.
   */
  public static PlanJourney legPainInBothLegsOnDay3() {
    return PlanJourney.initialPhase(4, 2)
        .session(0, 7, 5)
        .diary(0, 7)
        .legPain(0, LegPain.absent())
        .diary(3, 9)
        .legPain(3, LegPain.present(LegPain.Side.BOTH));
  }
}
