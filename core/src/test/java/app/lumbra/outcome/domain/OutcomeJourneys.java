package app.lumbra.outcome.domain;

import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.journeys.Journeys;
import app.lumbra.journeys.PlanJourney;

/** Patient journeys through the outcome rules, named for what happens in them. */
final class OutcomeJourneys {

  private OutcomeJourneys() {}

  /**
   * Sub-acute pain at NRS 6, twice a week for 4 weeks: pain falls to 1 and Roland–Morris from 12 to
   * 2, Oswestry from 40 % to 10 %: a recovered patient (Kamper 2010) whose goal (pain ≤ 3) is met.
   */
  static OutcomeJourney recoveredPatient() {
    PlanJourney plan = PlanJourney.initialPhase(4, 2);
    for (int day = 0; day <= 28; day++) {
      int level = Math.max(1, 6 - day / 4);
      if (day % 7 == 0 || day % 7 == 3) {
        plan.session(day, level, Math.max(0, level - 1));
      }
      plan.diary(day, level);
    }
    return OutcomeJourney.of(plan)
        .goalPainAtMost(3)
        .rolandMorris(0, 12)
        .oswestry(0, 40)
        .stiffness(0, 6)
        .rolandMorris(10, 8)
        .rolandMorris(27, 2)
        .oswestry(27, 10)
        .stiffness(27, 5)
        .reassessed(10)
        .reassessed(27);
  }

  /**
   * The chronic desk worker who does not respond (PROG-5): pain stays at 6 and Roland–Morris at 14,
   * while stiffness gets worse; the review point (6th session, day 17) passes without change.
   */
  static OutcomeJourney nonResponderReachingAReview() {
    return OutcomeJourney.of(Journeys.chronicDeskWorkerWhoDoesNotRespondByWeek6())
        .rolandMorris(0, 14)
        .stiffness(0, 4)
        .rolandMorris(17, 13)
        .stiffness(17, 7)
        .reassessed(7)
        .reassessed(17);
  }

  /**
   * A desk worker (PLAN-4: every 2 to 4 weeks) in maintenance every 3 weeks from day 28: each
   * session brings pain from 5 to 2, the diary shows it back at 5 ten days later.
   */
  static OutcomeJourney maintenancePatientWhoseReliefLastsTenDays() {
    PlanJourney plan = PlanJourney.initialPhase(4, 2);
    for (int day = 0; day < 28; day++) {
      if (day % 7 == 0 || day % 7 == 3) {
        plan.session(day, 5, 2);
      }
      plan.diary(day, 4);
    }
    plan.phase(PlannedPhase.MAINTENANCE, 28, 1.0 / 3);
    for (int day = 28; day <= 28 + 84; day += 21) {
      plan.session(day, 5, 2);
      plan.diary(day + 2, 2);
      plan.diary(day + 6, 3);
      plan.diary(day + 10, 5);
      plan.diary(day + 15, 5);
    }
    return OutcomeJourney.of(plan).maintenanceRange(2, 4).reassessed(3).reassessed(28);
  }
}
