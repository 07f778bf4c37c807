package app.lumbra.careplan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.Severity;
import app.lumbra.fixtures.CarePlans;
import app.lumbra.fixtures.Factors;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanRecommenderTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static List<PhaseKind> kinds(CarePlanContent plan) {
    return plan.phases().stream().map(Phase::kind).toList();
  }

  private static Phase initial(CarePlanContent plan) {
    return plan.firstPhase(PhaseKind.INITIAL).orElseThrow();
  }

  private static Phase maintenance(CarePlanContent plan) {
    return plan.firstPhase(PhaseKind.MAINTENANCE).orElseThrow();
  }

  private static List<String> ruleIds(PlanRecommendation recommendation) {
    return recommendation.warnings().stream().map(PlanWarning::ruleId).toList();
  }

  @Test
  @DisplayName("PLAN-1: plan without exercise programme carries a visible warning")
  void PLAN_1_planWithoutExerciseProgrammeCarriesAVisibleWarning() {
    PlanRecommendation withoutExercise = CarePlans.recommendFor(Factors.acuteSevereFlareUp(), null);
    PlanRecommendation withExercise =
        CarePlans.recommendFor(Factors.acuteSevereFlareUp(), CarePlans.HOME_PROGRAMME);

    assertThat(withoutExercise.warnings())
        .filteredOn(warning -> warning.ruleId().equals("PLAN-1"))
        .singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("adjunct"));
    assertThat(ruleIds(withExercise)).doesNotContain("PLAN-1");
    assertThat(withExercise.plan().exerciseProgramme()).isEqualTo(CarePlans.HOME_PROGRAMME);
  }

  @Test
  @DisplayName("PLAN-2: phases run initial then taper steps down then open ended maintenance")
  void PLAN_2_phasesRunInitialThenTaperStepsDownThenOpenEndedMaintenance() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();

    assertThat(kinds(plan))
        .containsExactly(
            PhaseKind.INITIAL, PhaseKind.TAPER, PhaseKind.TAPER, PhaseKind.MAINTENANCE);
    assertThat(plan.phases())
        .extracting(phase -> phase.frequency().perWeek())
        .containsExactly(3.0, 2.0, 1.0, 0.5);
    assertThat(plan.phases().get(1).startDate())
        .isEqualTo(plan.phases().get(0).endDate().orElseThrow().plusDays(1));
    assertThat(maintenance(plan).endDate()).isEmpty();
  }

  @Test
  @DisplayName("PLAN-3: acute severe starts at two to three per week")
  void PLAN_3_acuteSevereStartsAtTwoToThreePerWeek() {
    assertThat(initial(CarePlans.acuteSevereFlareUp()).frequency()).isEqualTo(Frequency.perWeek(3));
    assertThat(
            initial(CarePlans.recommendFor(Factors.acuteSevereWantingFirmWork(), null).plan())
                .frequency())
        .isEqualTo(Frequency.perWeek(2));
  }

  @Test
  @DisplayName("PLAN-3: initial phase lasts three to six weeks by severity")
  void PLAN_3_initialPhaseLastsThreeToSixWeeksBySeverity() {
    assertThat(initial(CarePlans.acuteSevereFlareUp()).lengthInWeeks()).contains(6L);
    assertThat(
            initial(CarePlans.recommendFor(Factors.discHerniation(), null).plan()).lengthInWeeks())
        .contains(4L);
    assertThat(initial(CarePlans.recommendFor(Factors.mildChronic(), null).plan()).lengthInWeeks())
        .contains(3L);
    assertThat(initial(CarePlans.recommendFor(Factors.mildChronic(), null).plan()).frequency())
        .isEqualTo(Frequency.perWeek(1));
  }

  @Test
  @DisplayName("PLAN-3: severity threshold comes from configuration")
  void PLAN_3_severityThresholdComesFromConfiguration() {
    PatientFactors painSix =
        PatientFactors.of(
            OnsetType.ACUTE,
            Severity.ofPainScore(6),
            Set.of(),
            IntensityPreference.GENTLE,
            Set.of(),
            Money.of("50", "EUR"),
            null,
            Factors.WEEKDAYS,
            Factors.AFTER_WORK);
    CarePolicy stricter = new CarePolicy(new CarePolicySettings(6, 72, 24, 45, 2, 26));

    assertThat(CarePolicy.withDefaults().isAcuteSevere(painSix)).isFalse();
    assertThat(stricter.isAcuteSevere(painSix)).isTrue();
  }

  @Test
  @DisplayName("PLAN-4: maintenance every three to four weeks by default")
  void PLAN_4_maintenanceEveryThreeToFourWeeksByDefault() {
    Frequency frequency =
        maintenance(CarePlans.recommendFor(Factors.mildChronic(), null).plan()).frequency();
    assertThat(frequency.periodWeeks()).isBetween(3, 4);
    assertThat(frequency.sessions()).isEqualTo(1);
  }

  @Test
  @DisplayName("PLAN-4: every two weeks for high stress or physically demanding job")
  void PLAN_4_everyTwoWeeksForHighStressOrPhysicallyDemandingJob() {
    assertThat(maintenance(CarePlans.acuteSevereFlareUp()).frequency())
        .isEqualTo(Frequency.everyWeeks(2));
    assertThat(maintenance(CarePlans.discHerniation()).frequency())
        .isEqualTo(Frequency.everyWeeks(2));
  }

  @Test
  @DisplayName("PLAN-4: every two to four weeks for sedentary desk job")
  void PLAN_4_everyTwoToFourWeeksForSedentaryDeskJob() {
    assertThat(maintenance(CarePlans.chronicDeskWorker()).frequency().periodWeeks())
        .isBetween(2, 4);
    assertThat(CarePolicy.withDefaults().maintenanceWeeks(Set.of(Lifestyle.SEDENTARY_DESK_JOB)))
        .isEqualTo(new IntRange(2, 4));
  }

  @Test
  @DisplayName("PLAN-6: deep tissue sessions are at least72 hours apart")
  void PLAN_6_deepTissueSessionsAreAtLeast72HoursApart() {
    CarePlanContent plan =
        CarePlans.recommendFor(Factors.acuteSevereWantingFirmWork(), null).plan();

    assertThat(plan.phases()).allMatch(Phase::intensive);
    assertThat(gaps(plan)).allMatch(gap -> gap.compareTo(Duration.ofHours(72)) >= 0);
  }

  @Test
  @DisplayName("PLAN-6: light sessions are at least24 hours apart")
  void PLAN_6_lightSessionsAreAtLeast24HoursApart() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();

    assertThat(initial(plan).intensive()).isFalse();
    assertThat(gaps(plan)).allMatch(gap -> gap.compareTo(Duration.ofHours(24)) >= 0);
    assertThat(gaps(plan)).anyMatch(gap -> gap.compareTo(Duration.ofHours(72)) < 0);
  }

  @Test
  @DisplayName("PLAN-6: gaps come from configuration")
  void PLAN_6_gapsComeFromConfiguration() {
    CarePolicy fourDays = new CarePolicy(new CarePolicySettings(7, 96, 24, 45, 2, 26));

    assertThat(fourDays.requiredGap(true, true)).isEqualTo(Duration.ofHours(96));
    assertThat(fourDays.requiredGap(true, false))
        .as("after deep work, whatever comes next")
        .isEqualTo(Duration.ofHours(96));
    assertThat(fourDays.requiredGap(false, true)).isEqualTo(Duration.ofHours(24));
    assertThat(fourDays.maxSessionsPerWeek(true)).isEqualTo(1);
  }

  private static List<Duration> gaps(CarePlanContent plan) {
    List<PlannedSession> sessions = plan.sessions();
    return IntStream.range(1, sessions.size())
        .mapToObj(i -> Duration.between(sessions.get(i - 1).startsAt(), sessions.get(i).startsAt()))
        .toList();
  }

  @Test
  @DisplayName("PLAN-7: recommended sessions name their target regions")
  void PLAN_7_recommendedSessionsNameTheirTargetRegions() {
    CarePlanContent plan = CarePlans.acuteSevereFlareUp();

    assertThat(plan.phases())
        .allSatisfy(
            phase ->
                assertThat(phase.targetRegions())
                    .contains(TargetRegion.LOWER_BACK)
                    .doesNotContain(TargetRegion.FULL_BODY));
    assertThat(CarePlans.recommendFor(Factors.acuteSevereFlareUp(), "x").warnings())
        .extracting(PlanWarning::ruleId)
        .doesNotContain("PLAN-7");
  }

  @Test
  @DisplayName("PLAN-8: techniques follow the preferred intensity")
  void PLAN_8_techniquesFollowThePreferredIntensity() {
    assertThat(
            initial(CarePlans.recommendFor(Factors.acuteSevereWantingFirmWork(), null).plan())
                .techniques())
        .contains(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT);
    assertThat(initial(CarePlans.recommendFor(Factors.mildChronic(), null).plan()).techniques())
        .containsExactlyInAnyOrder(Technique.LIGHT_SWEDISH, Technique.KNEADING);
  }

  @Test
  @DisplayName("PLAN-9: recommended plan lists home care tasks")
  void PLAN_9_recommendedPlanListsHomeCareTasks() {
    CarePlanContent plan = CarePlans.chronicDeskWorker();

    assertThat(plan.homeCareTasks())
        .extracting(HomeCareTask::kind)
        .containsExactly(
            HomeCareKind.HYDRATION,
            HomeCareKind.GENTLE_STRETCHING,
            HomeCareKind.PRESCRIBED_EXERCISE);
    assertThat(plan.homeCareTasks()).extracting(HomeCareTask::taskId).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("PLAN-10: projects sessions and cost per month in total and weekly time")
  void PLAN_10_projectsSessionsAndCostPerMonthInTotalAndWeeklyTime() {
    PlanRecommendation recommendation =
        CarePlans.recommendFor(Factors.chronicDeskWorker(), CarePlans.HOME_PROGRAMME);
    PlanProjection projection = recommendation.projection();

    PlanProjection.Month march = projection.months().get(0);
    assertThat(march.month()).isEqualTo(YearMonth.of(2026, 3));
    assertThat(march.sessions()).isEqualTo(5);
    assertThat(march.cost()).isEqualTo(Money.of("350", "EUR"));
    assertThat(march.overBudget()).isFalse();
    assertThat(projection.totalSessions()).isEqualTo(recommendation.plan().sessions().size());
    assertThat(projection.totalCost().amount())
        .isEqualByComparingTo(BigDecimal.valueOf(70L * projection.totalSessions()));
    assertThat(projection.phaseLoads().get(0).minutesPerWeek()).isEqualTo(45);
  }

  @Test
  @DisplayName("PLAN-10: budget lowers frequency only within evidence and says what is traded")
  void PLAN_10_budgetLowersFrequencyOnlyWithinEvidenceAndSaysWhatIsTraded() {
    PlanRecommendation recommendation =
        CarePlans.recommendFor(Factors.chronicDeskWorker(), CarePlans.HOME_PROGRAMME);

    assertThat(initial(recommendation.plan()).frequency()).isEqualTo(Frequency.perWeek(1));
    assertThat(recommendation.tradeOffs())
        .singleElement()
        .asString()
        .contains("1 instead of 2 sessions per week")
        .contains("400.00 EUR")
        .contains("relief may come more slowly");
    assertThat(recommendation.projection().monthsOverBudget()).isEmpty();
  }

  @Test
  @DisplayName("PLAN-10: budget never pushes frequency below the evidence")
  void PLAN_10_budgetNeverPushesFrequencyBelowTheEvidence() {
    PlanRecommendation recommendation =
        CarePlans.recommendFor(Factors.acuteSevereOnTightBudget(), CarePlans.HOME_PROGRAMME);

    assertThat(initial(recommendation.plan()).frequency()).isEqualTo(Frequency.perWeek(2));
    assertThat(recommendation.tradeOffs()).hasSize(2);
    assertThat(recommendation.tradeOffs().get(1))
        .contains("does not go below the recommended range");
    assertThat(recommendation.tradeOffs())
        .as("PLAN-12: frequencies are practice guidance, never called the evidence")
        .noneMatch(t -> t.contains("evidence"))
        .noneMatch(t -> t.startsWith("PLAN-"));
    assertThat(ruleIds(recommendation)).contains("PLAN-10");
  }

  @Test
  @DisplayName("PLAN-11: structural cause states the limits and flags co management")
  void PLAN_11_structuralCauseStatesTheLimitsAndFlagsCoManagement() {
    PlanRecommendation recommendation =
        CarePlans.recommendFor(Factors.discHerniation(), CarePlans.HOME_PROGRAMME);

    assertThat(recommendation.plan().coManagementFlagged()).isTrue();
    assertThat(recommendation.warnings())
        .filteredOn(warning -> warning.ruleId().equals("PLAN-11"))
        .singleElement()
        .satisfies(
            warning ->
                assertThat(warning.message())
                    .contains("disc herniation")
                    .contains("does not correct the underlying cause")
                    .contains("Co-manage"));
    assertThat(CarePlans.acuteSevereFlareUp().coManagementFlagged()).isFalse();
  }

  @Test
  @DisplayName("PLAN-12: plan says what to expect")
  void PLAN_12_planSaysWhatToExpect() {
    assertThat(CarePlans.acuteSevereFlareUp().expectations())
        .contains("4 to 8 weeks")
        .contains("moderate")
        .contains("uncertain")
        .contains("fade once sessions stop")
        .contains("maintenance sessions have not been shown to keep it");
  }

  @Test
  @DisplayName("PLAN-13: recommended plan passes its own rules without warnings")
  void PLAN_13_recommendedPlanPassesItsOwnRulesWithoutWarnings() {
    PlanRecommendation recommendation =
        CarePlans.recommendFor(Factors.acuteSevereFlareUp(), CarePlans.HOME_PROGRAMME);

    assertThat(recommendation.warnings()).isEmpty();
    assertThat(new PlanChecker(CarePolicy.withDefaults()).check(recommendation.plan())).isEmpty();
  }

  @Test
  @DisplayName("PLAN-13: sessions are concrete date times on available days at the preferred time")
  void PLAN_13_sessionsAreConcreteDateTimesOnAvailableDaysAtThePreferredTime() {
    CarePlanContent plan = CarePlans.chronicDeskWorker();

    assertThat(plan.sessions()).isNotEmpty();
    assertThat(plan.sessions())
        .allSatisfy(
            session -> {
              var local = session.startsAt().atZoneSameInstant(BERLIN);
              assertThat(local.getDayOfWeek())
                  .isIn(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
              assertThat(local.toLocalTime()).hasToString("18:00");
            });
    assertThat(plan.sessions().get(0).startsAt().toLocalDate()).isEqualTo(CarePlans.START);
    assertThat(plan.sessions().get(plan.sessions().size() - 1).startsAt().toLocalDate())
        .isBefore(CarePlans.START.plusWeeks(26));
  }

  @Test
  @DisplayName("PLAN-13: start in the past is rejected")
  void PLAN_13_startInThePastIsRejected() {
    PlanRecommender recommender = new PlanRecommender(CarePolicy.withDefaults());

    assertThatThrownBy(
            () ->
                recommender.recommend(
                    Factors.mildChronic(),
                    null,
                    LocalDate.of(2026, 3, 1),
                    TestClocks.MONDAY_MORNING))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("startDate");
  }

  @Test
  @DisplayName("PLAN-13: availability that cannot hold the frequency is reported")
  void PLAN_13_availabilityThatCannotHoldTheFrequencyIsReported() {
    PatientFactors onlyMondays =
        PatientFactors.of(
            OnsetType.FLARE_UP,
            Severity.ofPainScore(8),
            Set.of(),
            IntensityPreference.GENTLE,
            Set.of(),
            Money.of("50", "EUR"),
            null,
            Set.of(DayOfWeek.MONDAY),
            Factors.AFTER_WORK);

    PlanRecommendation recommendation =
        CarePlans.recommendFor(onlyMondays, CarePlans.HOME_PROGRAMME);

    assertThat(recommendation.warnings())
        .filteredOn(warning -> warning.ruleId().equals("PLAN-6"))
        .first()
        .satisfies(warning -> assertThat(warning.message()).contains("Only 1 of 3 sessions fit"));
  }

  @Test
  void severePainOfUnknownOnsetGetsAPlanThatSaysTheOnsetIsNotKnownPlan3Fhir6() {
    PlanRecommendation recommendation =
        CarePlans.recommendFor(Factors.severeOfUnknownOnset(), CarePlans.HOME_PROGRAMME);

    assertThat(recommendation.plan().factors().onsetType()).isEqualTo(OnsetType.UNKNOWN);
    assertThat(recommendation.warnings())
        .filteredOn(warning -> warning.field().equals("onsetType"))
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.ruleId()).isEqualTo("PLAN-3");
              assertThat(warning.message()).startsWith("Onset not known");
            });
    // Without a known recent onset the acute 2-3 per week start is not assumed.
    assertThat(CarePolicy.withDefaults().isAcuteSevere(recommendation.plan().factors())).isFalse();
  }

  @Test
  void severeSubacutePainIsNotTreatedAsAcutePlan3() {
    PlanRecommendation recommendation =
        CarePlans.recommendFor(Factors.severeSubacute(), CarePlans.HOME_PROGRAMME);

    assertThat(CarePolicy.withDefaults().isAcuteSevere(recommendation.plan().factors())).isFalse();
    assertThat(recommendation.warnings()).noneMatch(warning -> warning.field().equals("onsetType"));
  }

  @Test
  @DisplayName("PLAN-3: unknown severity is planned as moderate pain and the plan says so")
  void PLAN_3_unknownSeverityIsPlannedAsModerateAndSaidSo() {
    PlanRecommendation recommendation =
        CarePlans.recommendFor(Factors.ofUnknownSeverity(), CarePlans.HOME_PROGRAMME);

    Phase initial = initial(recommendation.plan());
    assertThat(initial.frequency().perWeek()).isEqualTo(2.0);
    assertThat(initial.lengthInWeeks()).contains(4L);
    assertThat(recommendation.warnings())
        .filteredOn(warning -> warning.field().equals("severity"))
        .singleElement()
        .satisfies(warning -> assertThat(warning.message()).startsWith("Severity not known"));
    assertThat(CarePolicy.withDefaults().isAcuteSevere(recommendation.plan().factors())).isFalse();
  }
}
