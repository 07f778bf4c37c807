package app.lumbra.exchange.application;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.application.ReplaceCarePlan;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.context.application.ContextView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CarePlan a partner writes, in one transaction. A plan with a massage activity is Lumbra's,
 * checked by PLAN-1..14; any other plan is the patient's clinical context (FHIR-1). A Goal the plan
 * links that was kept as the patient's context and that Lumbra reads as a goal becomes the plan's
 * goal under its own id (FHIR-6 "Goal stands on its own"). An update with a new id is a create
 * (FHIR-8).
 */
@ApplicationScoped
@Transactional
public class CarePlanExchange {

  static final String TYPE = "CarePlan";

  private CarePlanService plans;
  private ConditionService conditions;
  private PartnerRecords partner;

  /** For the CDI proxy only. */
  protected CarePlanExchange() {}

  @Inject
  public CarePlanExchange(
      CarePlanService plans, ConditionService conditions, PartnerRecords partner) {
    this.plans = plans;
    this.conditions = conditions;
    this.partner = partner;
  }

  /** Create ({@code write.id()} null) or update of {@code write.id()}. */
  public Written<CarePlanView> write(@NotNull @Valid CarePlanWrite write) {
    String planId = write.id();
    if (!write.massage() || planId != null && partner.isContext(TYPE, planId)) {
      return Written.context(partner.keep(write.asContext().get(), write.expectedVersion()));
    }
    CarePlanView current =
        planId != null && plans.patientOf(planId).isPresent() ? plans.get(planId) : null;
    CarePlanWrite.Statement plan =
        write
            .plan()
            .apply(new CarePlanWrite.Facts(current, linkedContextGoals(write), condition(write)));
    CarePlanView written;
    if (current == null) {
      written =
          plans.create(
              new CreateCarePlan(
                  planId, plan.patientId(), plan.conditionId(), plan.content(), plan.author()),
              plan.status());
    } else {
      written =
          plans.replace(
              new ReplaceCarePlan(
                  planId,
                  write.expectedVersion() != null ? write.expectedVersion() : current.version(),
                  plan.content(),
                  plan.status(),
                  plan.author()));
    }
    adopt(plan.adopted(), written);
    partner.keepBeside(TYPE, written.id(), written.version(), write.document().beside(written));
    return Written.record(written, current == null, plan.assumed());
  }

  private List<ContextView> linkedContextGoals(CarePlanWrite write) {
    return write.linkedGoals().stream()
        .map(goalId -> partner.context(GoalExchange.TYPE, goalId))
        .flatMap(Optional::stream)
        .filter(goal -> Objects.equals(goal.patientId(), write.subjectId()))
        .toList();
  }

  /**
   * What a referral is read with (FHIR-6): the condition the plan addresses, or else the patient's
   * latest active low-back-pain condition.
   */
  private Optional<ConditionView> condition(CarePlanWrite write) {
    String addressed = write.addressedCondition();
    if (addressed != null) {
      return conditions.exists(addressed)
          ? Optional.of(conditions.get(addressed))
          : Optional.empty();
    }
    if (write.subjectId() == null) {
      return Optional.empty();
    }
    return conditions.listForPatient(write.subjectId()).stream()
        .filter(view -> view.status() == ConditionStatus.ACTIVE)
        .max(Comparator.comparing(ConditionView::recordedAt));
  }

  /** The adopted goals are the plan's now: their documents are kept beside them (FHIR-1). */
  private void adopt(Map<String, PartnerDocument<GoalView>> adopted, CarePlanView plan) {
    adopted.forEach(
        (goalId, document) -> {
          if (plan.content().goals().stream().anyMatch(g -> g.goalId().equals(goalId))) {
            partner.release(GoalExchange.TYPE, goalId);
            GoalView goal = plans.goal(goalId);
            partner.keepBeside(
                GoalExchange.TYPE, goalId, goal.planVersion(), document.beside(goal));
          }
        });
  }
}
