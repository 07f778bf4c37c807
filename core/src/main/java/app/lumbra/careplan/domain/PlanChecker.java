package app.lumbra.careplan.domain;

import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.shared.vocabulary.TargetRegion;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PLAN-13: checks a plan — recommended or edited — against the rules of {@link CarePolicy} and
 * returns what a clinician should look at. It never changes the plan.
 */
public final class PlanChecker {

  private final CarePolicy policy;

  public PlanChecker(CarePolicy policy) {
    this.policy = policy;
  }

  public List<PlanWarning> check(CarePlanContent plan) {
    return check(plan, Set.of());
  }

  /**
   * Checks the plan; {@code currentCauses} are the structural causes the patient's records show now
   * (PLAN-11), which count together with those the plan's factors were recorded with, so that the
   * statement holds on every path: a plan created or edited directly, or a condition revised after
   * the plan was made.
   */
  public List<PlanWarning> check(CarePlanContent plan, Set<StructuralCause> currentCauses) {
    List<PlanWarning> warnings = new ArrayList<>();
    checkExercise(plan, warnings);
    checkTaper(plan, warnings);
    checkOnset(plan, warnings);
    checkInitial(plan, warnings);
    checkMaintenance(plan, warnings);
    checkSpacing(plan, warnings);
    checkScheduleFollowsPhases(plan, warnings);
    checkTargets(plan, warnings);
    checkHomeCare(plan, warnings);
    checkBudget(plan, warnings);
    checkStructuralCauses(plan, currentCauses, warnings);
    checkExpectations(plan, warnings);
    return List.copyOf(warnings);
  }

  /** PLAN-1: massage is an adjunct to exercise. */
  private void checkExercise(CarePlanContent plan, List<PlanWarning> warnings) {
    if (plan.exerciseProgrammeText().isEmpty()) {
      warnings.add(new PlanWarning("PLAN-1", "exerciseProgramme", CarePolicy.NO_EXERCISE_WARNING));
    }
  }

  /** PLAN-2: a taper reduces the frequency step by step. */
  private void checkTaper(CarePlanContent plan, List<PlanWarning> warnings) {
    for (int i = 1; i < plan.phases().size(); i++) {
      Phase phase = plan.phases().get(i);
      Phase previous = plan.phases().get(i - 1);
      if (phase.kind() == PhaseKind.TAPER
          && phase.frequency().perWeek() >= previous.frequency().perWeek()) {
        warnings.add(
            new PlanWarning(
                "PLAN-2",
                "phases[" + i + "].frequency",
                "A taper step should have fewer sessions than the step before ("
                    + phase.frequency()
                    + " after "
                    + previous.frequency()
                    + ")."));
      }
    }
  }

  /** PLAN-3: 1–3 per week for 3–6 weeks; acute, severe pain 2–3 per week. */
  private void checkInitial(CarePlanContent plan, List<PlanWarning> warnings) {
    Optional<Phase> initial = plan.firstPhase(PhaseKind.INITIAL);
    if (initial.isEmpty()) {
      warnings.add(new PlanWarning("PLAN-3", "phases", "The plan has no intensive INITIAL phase."));
      return;
    }
    int index = plan.phases().indexOf(initial.get());
    IntRange perWeek = policy.initialPerWeek(plan.factors());
    double actual = initial.get().frequency().perWeek();
    if (!perWeek.contains(actual)) {
      String why =
          policy.isAcuteSevere(plan.factors())
              ? "for acute, severe pain is to start at " + perWeek + " sessions per week"
              : "for the initial phase is " + perWeek + " sessions per week";
      warnings.add(
          new PlanWarning(
              "PLAN-3",
              "phases[" + index + "].frequency",
              "The recommended range (practice guidance) "
                  + why
                  + "; this plan has "
                  + initial.get().frequency()
                  + "."));
    }
    Optional<Long> weeks = initial.get().lengthInWeeks();
    if (weeks.isEmpty() || !CarePolicy.INITIAL_WEEKS.contains(weeks.get())) {
      warnings.add(
          new PlanWarning(
              "PLAN-3",
              "phases[" + index + "].endDate",
              "The recommended range for the initial phase is "
                  + CarePolicy.INITIAL_WEEKS
                  + " weeks; this one "
                  + weeks.map(w -> "lasts " + w + " weeks").orElse("has no end")
                  + "."));
    }
  }

  /** PLAN-4: maintenance interval by lifestyle. */
  private void checkMaintenance(CarePlanContent plan, List<PlanWarning> warnings) {
    plan.firstPhase(PhaseKind.MAINTENANCE)
        .ifPresent(
            maintenance -> {
              IntRange weeks = policy.maintenanceWeeks(plan.factors().lifestyles());
              double interval = 1 / maintenance.frequency().perWeek();
              if (!weeks.contains(interval)) {
                warnings.add(
                    new PlanWarning(
                        "PLAN-4",
                        "phases[" + plan.phases().indexOf(maintenance) + "].frequency",
                        "The recommended range of maintenance for this patient's lifestyle is"
                            + " one session every "
                            + weeks
                            + " weeks; this plan has "
                            + maintenance.frequency()
                            + "."));
              }
            });
  }

  /** PLAN-6: the break between two consecutive sessions. */
  private void checkSpacing(CarePlanContent plan, List<PlanWarning> warnings) {
    List<PlannedSession> sessions = plan.sessions();
    for (int i = 1; i < sessions.size(); i++) {
      PlannedSession previous = sessions.get(i - 1);
      PlannedSession next = sessions.get(i);
      Duration required =
          policy.requiredGap(
              plan.phases().get(previous.phaseIndex()).intensive(),
              plan.phases().get(next.phaseIndex()).intensive());
      Duration actual = Duration.between(previous.startsAt(), next.startsAt());
      if (actual.compareTo(required) < 0) {
        warnings.add(
            new PlanWarning(
                "PLAN-6",
                "sessions[" + i + "].startsAt",
                "Only "
                    + actual.toHours()
                    + " h after the previous session; "
                    + required.toHours()
                    + " h are needed"
                    + (required.toHours() > policy.settings().lightGapHours()
                        ? " after a deep-tissue or trigger-point session, whatever comes next."
                        : " between sessions.")));
      }
    }
  }

  /**
   * PLAN-13: the booked sessions follow each phase's frequency (saved schedule = edited schedule).
   * Only the stretch between the plan's first and last booked session counts, so a plan that starts
   * booking today or stops at the scheduling horizon is not warned; a quarter off (and more than
   * one session) is what a changed frequency without new bookings looks like.
   */
  private void checkScheduleFollowsPhases(CarePlanContent plan, List<PlanWarning> warnings) {
    List<PlannedSession> sessions = plan.sessions();
    if (sessions.isEmpty()) {
      return;
    }
    LocalDate first = sessions.get(0).startsAt().toLocalDate();
    LocalDate last = sessions.get(sessions.size() - 1).startsAt().toLocalDate();
    for (int i = 0; i < plan.phases().size(); i++) {
      Phase phase = plan.phases().get(i);
      LocalDate from = phase.startDate().isAfter(first) ? phase.startDate() : first;
      LocalDate to = phase.endDate().filter(end -> end.isBefore(last)).orElse(last);
      long days = ChronoUnit.DAYS.between(from, to) + 1L;
      if (to.isBefore(from) || days < 7) {
        continue;
      }
      double expected = phase.frequency().perWeek() * days / 7.0;
      int index = i;
      long actual = sessions.stream().filter(session -> session.phaseIndex() == index).count();
      if (Math.abs(actual - expected) > Math.max(1.0, expected / 4)) {
        warnings.add(
            new PlanWarning(
                "PLAN-13",
                "sessions",
                "The booked "
                    + phase.kind().name().toLowerCase(Locale.ROOT)
                    + " sessions do not follow the phase's frequency: "
                    + actual
                    + " booked where "
                    + phase.frequency()
                    + " from "
                    + from
                    + " to "
                    + to
                    + " means about "
                    + Math.round(expected)
                    + ". Re-check the plan to book them again."));
      }
    }
  }

  /** PLAN-7: sessions name their target regions; full-body work is untargeted. */
  private void checkTargets(CarePlanContent plan, List<PlanWarning> warnings) {
    for (int i = 0; i < plan.phases().size(); i++) {
      if (TargetRegion.isUntargeted(plan.phases().get(i).targetRegions())) {
        warnings.add(
            new PlanWarning(
                "PLAN-7",
                "phases[" + i + "].targetRegions",
                "Untargeted: the "
                    + plan.phases().get(i).kind()
                    + " sessions do not name the regions behind the back pain (lower back, hips,"
                    + " glutes, surrounding muscles)."));
      }
    }
  }

  /** PLAN-9: the plan lists home-care tasks. */
  private void checkHomeCare(CarePlanContent plan, List<PlanWarning> warnings) {
    if (plan.homeCareTasks().isEmpty()) {
      warnings.add(
          new PlanWarning(
              "PLAN-9",
              "homeCareTasks",
              "No home-care tasks: add hydration, gentle stretching or the prescribed exercises."));
    }
  }

  /** PLAN-10: months that cost more than the monthly budget. */
  private void checkBudget(CarePlanContent plan, List<PlanWarning> warnings) {
    PlanProjection projection = PlanProjection.of(plan);
    projection
        .monthsOverBudget()
        .forEach(
            month ->
                warnings.add(
                    new PlanWarning(
                        "PLAN-10",
                        "sessions",
                        month.month()
                            + " costs "
                            + month.cost()
                            + " ("
                            + month.sessions()
                            + " sessions), above the monthly budget of "
                            + projection.monthlyBudget().orElseThrow()
                            + ".")));
  }

  /** PLAN-3, FHIR-6: a plan for pain of unknown onset says that it was chosen without it. */
  private void checkOnset(CarePlanContent plan, List<PlanWarning> warnings) {
    CarePolicy.onsetNotKnown(plan.factors())
        .ifPresent(message -> warnings.add(new PlanWarning("PLAN-3", "onsetType", message)));
    CarePolicy.severityNotKnown(plan.factors())
        .ifPresent(message -> warnings.add(new PlanWarning("PLAN-3", "severity", message)));
  }

  /** PLAN-11: structural causes are stated and flag co-management. */
  private void checkStructuralCauses(
      CarePlanContent plan, Set<StructuralCause> currentCauses, List<PlanWarning> warnings) {
    CarePolicy.structuralCauseStatement(structuralCauses(plan, currentCauses))
        .ifPresent(
            statement ->
                warnings.add(
                    new PlanWarning(
                        "PLAN-11",
                        "coManagementFlagged",
                        plan.coManagementFlagged()
                            ? statement
                            : statement + " Co-management is not flagged on this plan yet.")));
  }

  /** PLAN-11: the causes the plan was made with together with those recorded since. */
  public static Set<StructuralCause> structuralCauses(
      CarePlanContent plan, Set<StructuralCause> currentCauses) {
    Set<StructuralCause> causes = EnumSet.noneOf(StructuralCause.class);
    causes.addAll(plan.factors().structuralCauses());
    causes.addAll(currentCauses);
    return causes;
  }

  /** PLAN-12: the plan says what to expect. */
  private void checkExpectations(CarePlanContent plan, List<PlanWarning> warnings) {
    if (plan.expectations() == null) {
      warnings.add(
          new PlanWarning(
              "PLAN-12",
              "expectations",
              "The plan does not tell the patient what to expect from massage."));
    }
  }
}
