package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.CarePlan;
import app.lumbra.careplan.domain.CarePlanContent;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.Frequency;
import app.lumbra.careplan.domain.Goal;
import app.lumbra.careplan.domain.HomeCareTask;
import app.lumbra.careplan.domain.Money;
import app.lumbra.careplan.domain.PatientFactors;
import app.lumbra.careplan.domain.Phase;
import app.lumbra.careplan.domain.PlanProjection;
import app.lumbra.careplan.domain.PlanRecommendation;
import app.lumbra.careplan.domain.PlanWarning;
import app.lumbra.careplan.domain.PlannedSession;
import app.lumbra.condition.domain.ConditionId;
import app.lumbra.condition.domain.Severity;
import app.lumbra.condition.domain.StructuralCause;
import java.util.List;
import java.util.Set;

/** Translates between the records that travel and the domain's plan content, both ways. */
final class CarePlanMapper {

  private CarePlanMapper() {}

  static PatientFactors factors(FactorsData data) {
    return PatientFactors.of(
        data.onsetType(),
        new Severity(data.painScore(), data.severity()),
        data.structuralCauses(),
        data.intensityPreference(),
        data.lifestyles(),
        new Money(data.pricePerSession(), data.currency()),
        data.monthlyBudget() == null ? null : new Money(data.monthlyBudget(), data.currency()),
        data.availableDays(),
        data.preferredTime());
  }

  static CarePlanContent content(PlanContentData data) {
    return new CarePlanContent(
        data.title(),
        factors(data.factors()),
        data.phases().stream()
            .map(
                phase ->
                    Phase.of(
                        phase.kind(),
                        phase.startDate(),
                        phase.endDate(),
                        new Frequency(phase.sessionsPerPeriod(), phase.periodWeeks()),
                        phase.sessionMinutes(),
                        phase.techniques(),
                        phase.targetRegions()))
            .toList(),
        data.sessions().stream()
            .map(
                session ->
                    PlannedSession.of(session.startsAt(), session.minutes(), session.phaseIndex()))
            .toList(),
        data.exerciseProgramme(),
        data.homeCareTasks().stream()
            .map(task -> HomeCareTask.of(task.taskId(), task.kind(), task.instructions()))
            .toList(),
        data.goals().stream()
            .map(
                goal ->
                    Goal.of(
                        goal.goalId(),
                        goal.description(),
                        goal.targetPainAtMost(),
                        goal.startDate(),
                        goal.dueDate(),
                        goal.status()))
            .toList(),
        data.coManagementFlagged(),
        data.expectations());
  }

  static FactorsData data(PatientFactors factors) {
    return new FactorsData(
        factors.onsetType(),
        factors.severity().painScore(),
        factors.severity().category(),
        factors.structuralCauses(),
        factors.intensityPreference(),
        factors.lifestyles(),
        factors.pricePerSession().amount(),
        factors.pricePerSession().currency(),
        factors.monthlyBudget().map(Money::amount).orElse(null),
        factors.availableDays(),
        factors.preferredTime());
  }

  static PlanContentData data(CarePlanContent content) {
    return new PlanContentData(
        content.title(),
        data(content.factors()),
        content.phases().stream()
            .map(
                phase ->
                    new PhaseData(
                        phase.kind(),
                        phase.startDate(),
                        phase.endDate().orElse(null),
                        phase.frequency().sessions(),
                        phase.frequency().periodWeeks(),
                        phase.sessionMinutes(),
                        phase.techniques(),
                        phase.targetRegions()))
            .toList(),
        content.sessions().stream()
            .map(
                session ->
                    new SessionData(session.startsAt(), session.minutes(), session.phaseIndex()))
            .toList(),
        content.exerciseProgramme(),
        content.homeCareTasks().stream()
            .map(task -> new HomeCareTaskData(task.taskId(), task.kind(), task.instructions()))
            .toList(),
        content.goals().stream()
            .map(
                goal ->
                    new GoalData(
                        goal.goalId(),
                        goal.description(),
                        goal.targetPainAtMost().orElse(null),
                        goal.startDate(),
                        goal.dueDate().orElse(null),
                        goal.status()))
            .toList(),
        content.coManagementFlagged(),
        content.expectations());
  }

  static ProjectionView projection(PlanProjection projection) {
    return new ProjectionView(
        projection.months().stream()
            .map(
                month ->
                    new ProjectionView.MonthView(
                        month.month().toString(),
                        month.sessions(),
                        month.cost().amount(),
                        month.overBudget()))
            .toList(),
        projection.totalSessions(),
        projection.totalCost().amount(),
        projection.totalCost().currency(),
        projection.phaseLoads().stream()
            .map(
                load ->
                    new ProjectionView.PhaseLoadView(
                        load.phaseIndex(),
                        load.kind().name(),
                        load.sessionsPerWeek(),
                        load.minutesPerWeek(),
                        load.monthlyCost().amount()))
            .toList(),
        projection.monthlyBudget().map(Money::amount).orElse(null));
  }

  static List<WarningView> warnings(List<PlanWarning> warnings) {
    return warnings.stream()
        .map(warning -> new WarningView(warning.ruleId(), warning.field(), warning.message()))
        .toList();
  }

  static RecommendationView recommendation(PlanRecommendation recommendation) {
    return new RecommendationView(
        data(recommendation.plan()),
        projection(recommendation.projection()),
        warnings(recommendation.warnings()),
        recommendation.tradeOffs(),
        CarePolicy.structuralCauseStatement(recommendation.plan().factors().structuralCauses())
            .orElse(null));
  }

  static CarePlanView view(CarePlan plan, List<PlanWarning> warnings) {
    return view(plan, warnings, plan.content().factors().structuralCauses());
  }

  /** {@code causes}: the structural causes that hold for the plan now (PLAN-11). */
  static CarePlanView view(CarePlan plan, List<PlanWarning> warnings, Set<StructuralCause> causes) {
    CarePlanContent content = plan.content();
    return new CarePlanView(
        plan.id().value(),
        plan.version(),
        plan.patientId().value(),
        plan.conditionId().map(ConditionId::value).orElse(null),
        plan.status(),
        data(content),
        projection(PlanProjection.of(content)),
        warnings(warnings),
        CarePolicy.structuralCauseStatement(causes).orElse(null),
        plan.createdAt(),
        plan.createdBy(),
        plan.updatedAt(),
        plan.updatedBy(),
        plan.lastChange());
  }
}
