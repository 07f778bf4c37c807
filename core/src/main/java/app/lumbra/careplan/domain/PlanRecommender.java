package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PLAN-13: from the patient's factors to a whole plan — phases (PLAN-2..4), concrete sessions with
 * technique spacing (PLAN-6), targeted regions (PLAN-7), techniques (PLAN-8), home care (PLAN-9), a
 * budget fit and projection (PLAN-10), the structural-cause statement (PLAN-11) and expectations
 * (PLAN-12). A pure function of its inputs and the clock.
 */
public final class PlanRecommender {

  /** SAFE-2: what a plan falls back on when every technique of the policy is ruled out. */
  private static final List<Technique> GENTLEST =
      List.of(Technique.LIGHT_SWEDISH, Technique.KNEADING, Technique.MYOFASCIAL_RELEASE);

  private final CarePolicy policy;
  private final SessionScheduler scheduler;
  private final PlanChecker checker;
  private final Set<Technique> ruledOutTechniques;
  private final Set<TargetRegion> ruledOutRegions;

  public PlanRecommender(CarePolicy policy) {
    this(policy, Set.of(), Set.of());
  }

  private PlanRecommender(
      CarePolicy policy, Set<Technique> ruledOutTechniques, Set<TargetRegion> ruledOutRegions) {
    this.policy = policy;
    this.scheduler = new SessionScheduler(policy);
    this.checker = new PlanChecker(policy);
    this.ruledOutTechniques = Set.copyOf(ruledOutTechniques);
    this.ruledOutRegions = Set.copyOf(ruledOutRegions);
  }

  /**
   * SAFE-2: a recommender that never proposes these techniques or regions (the patient's
   * contraindications); when every technique the policy would choose is ruled out, the gentlest
   * allowed one is used instead.
   */
  public PlanRecommender avoiding(Set<Technique> techniques, Set<TargetRegion> regions) {
    return new PlanRecommender(policy, techniques, regions);
  }

  /**
   * Recommends a plan starting on {@code startDate} (today or later), scheduling sessions in the
   * clock's time zone. {@code exerciseProgramme} may be null, which the plan then warns about.
   */
  public PlanRecommendation recommend(
      PatientFactors factors, String exerciseProgramme, LocalDate startDate, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    InvalidValueException.required("startDate", startDate, "a date from " + today + " on");
    if (startDate.isBefore(today)) {
      throw new InvalidValueException("startDate", startDate, "a date from " + today + " on");
    }
    boolean initialIntensive = anyIntensive(factors, PhaseKind.INITIAL);
    int initialPerWeek = policy.recommendedInitialPerWeek(factors, initialIntensive);
    int maintenanceWeeks = policy.recommendedMaintenanceWeeks(factors.lifestyles());
    List<String> tradeOffs = new ArrayList<>();
    Optional<Money> budget = factors.monthlyBudget();
    if (budget.isPresent()) {
      initialPerWeek = fitInitial(factors, initialPerWeek, budget.get(), tradeOffs);
      maintenanceWeeks = fitMaintenance(factors, maintenanceWeeks, budget.get(), tradeOffs);
    }
    List<Phase> phases = phases(factors, startDate, initialPerWeek, maintenanceWeeks);
    LocalDate horizon = startDate.plusWeeks(policy.settings().scheduleWeeks());
    SessionScheduler.Schedule schedule =
        scheduler.schedule(
            phases,
            factors.availableDays(),
            factors.preferredTime(),
            clock.getZone(),
            horizon,
            OffsetDateTime.now(clock),
            List.of());
    CarePlanContent plan =
        new CarePlanContent(
            "Massage for low-back pain",
            factors,
            phases,
            schedule.sessions(),
            exerciseProgramme,
            homeCare(exerciseProgramme),
            goals(startDate),
            !factors.structuralCauses().isEmpty(),
            CarePolicy.EXPECTATIONS);
    List<PlanWarning> warnings = new ArrayList<>(schedule.shortfalls());
    warnings.addAll(checker.check(plan));
    return new PlanRecommendation(plan, PlanProjection.of(plan), warnings, tradeOffs);
  }

  private boolean anyIntensive(PatientFactors factors, PhaseKind kind) {
    return techniquesFor(factors, kind).stream().anyMatch(Technique::intensive);
  }

  /** PLAN-8 techniques for the phase, without those ruled out (SAFE-2). */
  private Set<Technique> techniquesFor(PatientFactors factors, PhaseKind kind) {
    Set<Technique> techniques =
        EnumSet.copyOf(policy.techniquesFor(factors.intensityPreference(), kind));
    techniques.removeAll(ruledOutTechniques);
    if (techniques.isEmpty()) {
      GENTLEST.stream()
          .filter(technique -> !ruledOutTechniques.contains(technique))
          .findFirst()
          .ifPresent(techniques::add);
    }
    return techniques;
  }

  /** PLAN-7 regions without those ruled out (SAFE-2). */
  private Set<TargetRegion> regions() {
    Set<TargetRegion> regions = EnumSet.copyOf(policy.recommendedRegions());
    regions.removeAll(ruledOutRegions);
    return regions;
  }

  /** PLAN-10: lowers the initial frequency, never below the PLAN-3 minimum, to fit the budget. */
  private int fitInitial(
      PatientFactors factors, int perWeek, Money budget, List<String> tradeOffs) {
    Money price = factors.pricePerSession();
    int minimum = policy.initialPerWeek(factors).min();
    int fitted = perWeek;
    while (fitted > minimum
        && CarePolicy.monthlyCost(Frequency.perWeek(fitted), price).exceeds(budget)) {
      fitted--;
    }
    if (fitted < perWeek) {
      tradeOffs.add(
          "To stay within the budget, the initial phase has "
              + fitted
              + " instead of "
              + perWeek
              + " sessions per week (monthly budget "
              + budget
              + "). That is still within the recommended range, but relief may come more"
              + " slowly.");
    }
    Money cost = CarePolicy.monthlyCost(Frequency.perWeek(fitted), price);
    if (cost.exceeds(budget)) {
      tradeOffs.add(
          "Even at "
              + fitted
              + " per week, the lowest of the recommended range for this pain, the initial phase"
              + " costs up to "
              + cost
              + " a month, more than the budget of "
              + budget
              + ". The plan does not go below the recommended range; consider a shorter initial"
              + " phase or a different price.");
    }
    return fitted;
  }

  /** PLAN-10: stretches the maintenance interval within the PLAN-4 range to fit the budget. */
  private int fitMaintenance(
      PatientFactors factors, int weeks, Money budget, List<String> tradeOffs) {
    Money price = factors.pricePerSession();
    int maximum = policy.maintenanceWeeks(factors.lifestyles()).max();
    int fitted = weeks;
    while (fitted < maximum
        && CarePolicy.monthlyCost(Frequency.everyWeeks(fitted), price).exceeds(budget)) {
      fitted++;
    }
    if (fitted > weeks) {
      tradeOffs.add(
          "To stay within the budget, maintenance sessions come every "
              + fitted
              + " instead of every "
              + weeks
              + " weeks (monthly budget "
              + budget
              + "), still within the recommended range; pain may return sooner between"
              + " sessions.");
    }
    return fitted;
  }

  /** PLAN-2, PLAN-3, PLAN-4: initial phase, taper steps down, open-ended maintenance. */
  private List<Phase> phases(
      PatientFactors factors, LocalDate start, int initialPerWeek, int maintenanceWeeks) {
    int minutes = policy.settings().sessionMinutes();
    int stepWeeks = policy.settings().taperStepWeeks();
    List<Phase> phases = new ArrayList<>();
    LocalDate next = start.plusWeeks(policy.initialWeeks(factors));
    phases.add(
        phase(factors, PhaseKind.INITIAL, start, next, Frequency.perWeek(initialPerWeek), minutes));
    for (int perWeek = initialPerWeek - 1; perWeek >= 1; perWeek--) {
      LocalDate end = next.plusWeeks(stepWeeks);
      phases.add(phase(factors, PhaseKind.TAPER, next, end, Frequency.perWeek(perWeek), minutes));
      next = end;
    }
    if (maintenanceWeeks > 2) {
      // A last step of one session every two weeks bridges weekly sessions and maintenance.
      LocalDate end = next.plusWeeks(4);
      phases.add(phase(factors, PhaseKind.TAPER, next, end, Frequency.everyWeeks(2), minutes));
      next = end;
    }
    phases.add(
        phase(
            factors,
            PhaseKind.MAINTENANCE,
            next,
            null,
            Frequency.everyWeeks(maintenanceWeeks),
            minutes));
    return phases;
  }

  private Phase phase(
      PatientFactors factors,
      PhaseKind kind,
      LocalDate start,
      LocalDate nextStart,
      Frequency frequency,
      int minutes) {
    return Phase.of(
        kind,
        start,
        nextStart == null ? null : nextStart.minusDays(1),
        frequency,
        minutes,
        techniquesFor(factors, kind),
        regions());
  }

  /** PLAN-9: hydration and gentle stretching, plus the prescribed exercises when there are any. */
  private static List<HomeCareTask> homeCare(String exerciseProgramme) {
    List<HomeCareTask> tasks = new ArrayList<>();
    tasks.add(
        HomeCareTask.of(
            null, HomeCareKind.HYDRATION, "Drink water regularly, especially after each session."));
    tasks.add(
        HomeCareTask.of(
            null,
            HomeCareKind.GENTLE_STRETCHING,
            "Gentle stretching of lower back, hips and hamstrings for 10 minutes a day."));
    if (exerciseProgramme != null && !exerciseProgramme.isBlank()) {
      tasks.add(
          HomeCareTask.of(
              null,
              HomeCareKind.PRESCRIBED_EXERCISE,
              "Do the prescribed exercises as instructed."));
    }
    return tasks;
  }

  /** A pain goal due at the end of the window in which relief is most likely (PLAN-12). */
  private static List<Goal> goals(LocalDate start) {
    return List.of(
        Goal.of(
            null,
            "Pain at most 3 of 10 within 8 weeks",
            3,
            start,
            start.plusWeeks(8),
            GoalStatus.PROPOSED));
  }
}
