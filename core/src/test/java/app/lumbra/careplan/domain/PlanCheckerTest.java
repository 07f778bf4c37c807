package app.lumbra.careplan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.CarePlans;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An edited plan is checked against the same rules as a recommended one (PLAN-13). */
class PlanCheckerTest {

  private final PlanChecker checker = new PlanChecker(CarePolicy.withDefaults());

  private static CarePlanContent withPhase(CarePlanContent plan, int index, Phase replacement) {
    List<Phase> phases = new ArrayList<>(plan.phases());
    phases.set(index, replacement);
    return new CarePlanContent(
        plan.title(),
        plan.factors(),
        phases,
        plan.sessions(),
        plan.exerciseProgramme(),
        plan.homeCareTasks(),
        plan.goals(),
        plan.coManagementFlagged(),
        plan.expectations());
  }

  private static Phase changed(Phase phase, Frequency frequency, Set<TargetRegion> regions) {
    return Phase.of(
        phase.kind(),
        phase.startDate(),
        phase.endDate().orElse(null),
        frequency,
        phase.sessionMinutes(),
        phase.techniques(),
        regions);
  }

  private List<String> ruleIds(CarePlanContent plan) {
    return checker.check(plan).stream().map(PlanWarning::ruleId).toList();
  }

  @Test
  @DisplayName("PLAN-3: edited initial phase below two per week for acute severe pain is warned")
  void PLAN_3_editedInitialPhaseBelowTwoPerWeekForAcuteSeverePainIsWarned() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    Phase initial = plan.phases().get(0);

    CarePlanContent edited =
        withPhase(plan, 0, changed(initial, Frequency.perWeek(1), initial.targetRegions()));

    assertThat(checker.check(edited))
        .filteredOn(warning -> warning.ruleId().equals("PLAN-3"))
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.field()).isEqualTo("phases[0].frequency");
              assertThat(warning.message()).contains("2–3 sessions per week");
            });
    assertThat(edited.phases().get(0).frequency())
        .as("a warning never changes the plan")
        .isEqualTo(Frequency.perWeek(1));
  }

  @Test
  @DisplayName("PLAN-3: four a week is warned, five or more a week is refused naming the phase")
  void PLAN_3_fourAWeekIsWarnedFiveOrMoreIsRefused() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    Phase initial = plan.phases().get(0);
    CarePlanContent four =
        withPhase(plan, 0, changed(initial, Frequency.perWeek(4), initial.targetRegions()));
    CarePlanContent six =
        withPhase(plan, 0, changed(initial, Frequency.perWeek(6), initial.targetRegions()));

    CarePolicy.refuseBeyondLimits(four);
    assertThat(ruleIds(four)).contains("PLAN-3");
    assertThatThrownBy(() -> CarePolicy.refuseBeyondLimits(six))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            refused -> {
              assertThat(refused.ruleId()).isEqualTo("PLAN-3");
              assertThat(refused.field()).isEqualTo("phases[0].frequency");
            });
  }

  @Test
  @DisplayName("PLAN-2: taper step that does not reduce the frequency is warned")
  void PLAN_2_taperStepThatDoesNotReduceTheFrequencyIsWarned() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    Phase taper = plan.phases().get(1);

    CarePlanContent edited =
        withPhase(plan, 1, changed(taper, Frequency.perWeek(3), taper.targetRegions()));

    assertThat(ruleIds(edited)).contains("PLAN-2");
  }

  @Test
  @DisplayName("PLAN-2: maintenance before initial is rejected")
  void PLAN_2_maintenanceBeforeInitialIsRejected() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    List<Phase> reversed = new ArrayList<>(plan.phases());
    Collections.reverse(reversed);

    assertThatThrownBy(
            () ->
                new CarePlanContent(
                    plan.title(),
                    plan.factors(),
                    reversed,
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    false,
                    null))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("PLAN-2");
  }

  @Test
  @DisplayName("PLAN-4: edited maintenance outside the lifestyle range is warned")
  void PLAN_4_editedMaintenanceOutsideTheLifestyleRangeIsWarned() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    int last = plan.phases().size() - 1;
    Phase maintenance = plan.phases().get(last);

    CarePlanContent edited =
        withPhase(
            plan, last, changed(maintenance, Frequency.everyWeeks(6), maintenance.targetRegions()));

    assertThat(checker.check(edited))
        .filteredOn(warning -> warning.ruleId().equals("PLAN-4"))
        .singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("every 2 weeks"));
  }

  @Test
  @DisplayName(
      "PLAN-5: a phase with sessions outside 30-60 minutes is rejected naming field and range")
  void PLAN_5_durationOutsideThirtyToSixtyMinutesIsRejected() {
    Phase phase = CarePlans.acuteSevereFlareUp().phases().get(0);
    for (int minutes : new int[] {29, 61, 0}) {
      assertThatThrownBy(
              () ->
                  Phase.of(
                      phase.kind(),
                      phase.startDate(),
                      null,
                      phase.frequency(),
                      minutes,
                      phase.techniques(),
                      phase.targetRegions()))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("sessionMinutes")
          .hasMessageContaining("30 to 60 minutes");
    }
    assertThat(
            Phase.of(
                    PhaseKind.INITIAL,
                    phase.startDate(),
                    null,
                    phase.frequency(),
                    30,
                    phase.techniques(),
                    phase.targetRegions())
                .sessionMinutes())
        .isEqualTo(30);
    assertThat(
            PlannedSession.of(CarePlans.START.atStartOfDay().atOffset(ZoneOffset.UTC), 60, 0)
                .minutes())
        .isEqualTo(60);
  }

  @Test
  @DisplayName("PLAN-6: edited sessions too close together are warned")
  void PLAN_6_editedSessionsTooCloseTogetherAreWarned() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    List<PlannedSession> sessions = new ArrayList<>(plan.sessions());
    PlannedSession first = sessions.get(0);
    sessions.add(1, PlannedSession.of(first.startsAt().plusHours(20), first.minutes(), 0));

    List<PlanWarning> warnings = checker.check(plan.withSessions(sessions));

    assertThat(warnings)
        .filteredOn(warning -> warning.ruleId().equals("PLAN-6"))
        .singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("20 h").contains("24 h"));
  }

  @Test
  @DisplayName("PLAN-6: a light session 30 h after deep-tissue work is warned (72 h needed)")
  void PLAN_6_aLightSessionThirtyHoursAfterDeepTissueWorkIsWarned() {
    CarePlanContent plan = deepThenLight();
    PlannedSession deep = plan.sessions().get(0);
    List<PlannedSession> sessions =
        List.of(deep, PlannedSession.of(deep.startsAt().plusHours(30), 45, 1));

    assertThat(checker.check(plan.withSessions(sessions)))
        .filteredOn(warning -> warning.ruleId().equals("PLAN-6"))
        .singleElement()
        .satisfies(
            warning ->
                assertThat(warning.message())
                    .contains("30 h")
                    .contains("72 h")
                    .contains("after a deep-tissue or trigger-point session"));
  }

  @Test
  @DisplayName(
      "PLAN-6: the scheduler keeps 72 h between deep-tissue work and a following light session")
  void PLAN_6_theSchedulerKeeps72HoursBetweenDeepTissueWorkAndAFollowingLightSession() {
    CarePolicy policy = CarePolicy.withDefaults();
    Phase deep =
        Phase.of(
            PhaseKind.INITIAL,
            CarePlans.START,
            CarePlans.START.plusDays(6),
            Frequency.perWeek(3),
            45,
            Set.of(Technique.DEEP_TISSUE),
            Set.of(TargetRegion.LOWER_BACK));
    Phase light =
        Phase.of(
            PhaseKind.TAPER,
            CarePlans.START.plusDays(7),
            CarePlans.START.plusDays(20),
            Frequency.perWeek(2),
            45,
            Set.of(Technique.LIGHT_SWEDISH),
            Set.of(TargetRegion.LOWER_BACK));
    SessionScheduler.Schedule schedule =
        new SessionScheduler(policy)
            .schedule(
                List.of(deep, light),
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(10, 0),
                ZoneOffset.UTC,
                CarePlans.START.plusWeeks(4));

    List<PlannedSession> placed = schedule.sessions();
    PlannedSession lastDeep =
        placed.stream().filter(s -> s.phaseIndex() == 0).reduce((a, b) -> b).orElseThrow();
    List<PlannedSession> lights = placed.stream().filter(s -> s.phaseIndex() == 1).toList();
    assertThat(Duration.between(lastDeep.startsAt(), lights.get(0).startsAt()))
        .isGreaterThanOrEqualTo(Duration.ofHours(72));
    assertThat(Duration.between(lights.get(0).startsAt(), lights.get(1).startsAt()))
        .as("light after light needs only 24 h")
        .isLessThan(Duration.ofHours(72));
    assertThat(new PlanChecker(policy).check(deepThenLight().withSessions(placed)))
        .filteredOn(warning -> warning.ruleId().equals("PLAN-6"))
        .isEmpty();
  }

  /** The acute plan with deep-tissue work in its initial phase and light work after it. */
  private static CarePlanContent deepThenLight() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    List<Phase> phases = new ArrayList<>(plan.phases());
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      phases.set(
          i,
          Phase.of(
              phase.kind(),
              phase.startDate(),
              phase.endDate().orElse(null),
              i == 0 ? Frequency.perWeek(2) : phase.frequency(),
              phase.sessionMinutes(),
              i == 0 ? Set.of(Technique.DEEP_TISSUE) : Set.of(Technique.LIGHT_SWEDISH),
              phase.targetRegions()));
    }
    return new CarePlanContent(
        plan.title(),
        plan.factors(),
        phases,
        plan.sessions(),
        plan.exerciseProgramme(),
        plan.homeCareTasks(),
        plan.goals(),
        plan.coManagementFlagged(),
        plan.expectations());
  }

  @Test
  @DisplayName(
      "PLAN-12: frequencies are the recommended range and maintenance is not said to keep the benefit")
  void PLAN_12_frequenciesAreTheRecommendedRangeAndMaintenanceIsNotSaidToKeepTheBenefit() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    Phase initial = plan.phases().get(0);
    CarePlanContent edited =
        withPhase(plan, 0, changed(initial, Frequency.perWeek(1), initial.targetRegions()));

    assertThat(checker.check(edited))
        .extracting(PlanWarning::message)
        .noneMatch(message -> message.contains("evidence"))
        .anyMatch(message -> message.startsWith("The recommended range (practice guidance)"));
    assertThat(CarePolicy.EXPECTATIONS)
        .contains("4 to 8 weeks")
        .contains("maintenance sessions have not been shown to keep it")
        .doesNotContain("which is why");
  }

  @Test
  @DisplayName("PLAN-13: sessions that do not follow an edited frequency are warned")
  void PLAN_13_sessionsThatDoNotFollowAnEditedFrequencyAreWarned() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    Phase initial = plan.phases().get(0);
    CarePlanContent edited =
        withPhase(plan, 0, changed(initial, Frequency.perWeek(1), initial.targetRegions()));

    assertThat(checker.check(edited))
        .filteredOn(warning -> warning.ruleId().equals("PLAN-13"))
        .singleElement()
        .satisfies(
            warning ->
                assertThat(warning.message())
                    .startsWith("The booked initial sessions do not follow")
                    .contains("Re-check"));
    assertThat(ruleIds(CarePlans.acuteSevereFlareUp())).doesNotContain("PLAN-13");
    assertThat(ruleIds(CarePlans.chronicDeskWorker())).doesNotContain("PLAN-13");
    assertThat(ruleIds(CarePlans.discHerniation())).doesNotContain("PLAN-13");
  }

  @Test
  @DisplayName("PLAN-7: full body sessions are allowed but flagged untargeted")
  void PLAN_7_fullBodySessionsAreAllowedButFlaggedUntargeted() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    Phase initial = plan.phases().get(0);

    CarePlanContent edited =
        withPhase(plan, 0, changed(initial, initial.frequency(), Set.of(TargetRegion.FULL_BODY)));

    assertThat(checker.check(edited))
        .filteredOn(warning -> warning.ruleId().equals("PLAN-7"))
        .singleElement()
        .satisfies(warning -> assertThat(warning.message()).startsWith("Untargeted"));
  }

  @Test
  @DisplayName("PLAN-9: plan without home care tasks is warned")
  void PLAN_9_planWithoutHomeCareTasksIsWarned() {
    CarePlanContent plan = CarePlans.chronicDeskWorker();
    CarePlanContent edited =
        new CarePlanContent(
            plan.title(),
            plan.factors(),
            plan.phases(),
            plan.sessions(),
            plan.exerciseProgramme(),
            List.of(),
            plan.goals(),
            plan.coManagementFlagged(),
            plan.expectations());

    assertThat(ruleIds(edited)).containsExactly("PLAN-9");
  }

  @Test
  @DisplayName("PLAN-11: structural cause without co management flag is pointed out")
  void PLAN_11_structuralCauseWithoutCoManagementFlagIsPointedOut() {
    CarePlanContent plan = CarePlans.discHerniation();
    CarePlanContent unflagged =
        new CarePlanContent(
            plan.title(),
            plan.factors(),
            plan.phases(),
            plan.sessions(),
            plan.exerciseProgramme(),
            plan.homeCareTasks(),
            plan.goals(),
            false,
            plan.expectations());

    assertThat(checker.check(unflagged))
        .filteredOn(warning -> warning.ruleId().equals("PLAN-11"))
        .singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("not flagged"));
  }

  @Test
  @DisplayName("PLAN-12: plan without expectations is warned")
  void PLAN_12_planWithoutExpectationsIsWarned() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();
    CarePlanContent edited =
        new CarePlanContent(
            plan.title(),
            plan.factors(),
            plan.phases(),
            plan.sessions(),
            plan.exerciseProgramme(),
            plan.homeCareTasks(),
            plan.goals(),
            false,
            " ");

    assertThat(ruleIds(edited)).containsExactly("PLAN-12");
  }
}
