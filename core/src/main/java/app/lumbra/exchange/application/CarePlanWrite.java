package app.lumbra.exchange.application;

import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.context.application.ContextView;
import app.lumbra.context.application.KeepContext;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A CarePlan a partner writes: {@code massage} whether it has a massage activity (FHIR-6), {@code
 * subjectId} the patient it names, {@code addressedCondition} the condition it addresses (null:
 * none), {@code linkedGoals} the ids of the Goals it links; {@code plan} reads it as Lumbra's plan
 * with what Lumbra already holds ({@link Facts}), {@code asContext} keeps it as another plan of the
 * patient.
 */
public record CarePlanWrite(
    String id,
    Long expectedVersion,
    boolean massage,
    String subjectId,
    String addressedCondition,
    @NotNull List<String> linkedGoals,
    @NotNull Function<Facts, Statement> plan,
    @NotNull Supplier<KeepContext> asContext,
    @NotNull PartnerDocument<CarePlanView> document) {

  /**
   * What a plan is read with: the plan as it stands (null for a new one), the partner's own Goals
   * it links that are kept as the same patient's context, and the low-back-pain condition that
   * informs a referral (the one addressed, else the patient's latest active one).
   */
  public record Facts(
      CarePlanView current,
      List<ContextView> linkedContextGoals,
      Optional<ConditionView> condition) {}

  /**
   * The plan as Lumbra reads it; {@code assumed} what was taken for what the partner did not say;
   * {@code adopted} the linked context Goals it takes over as its goals, each with the document to
   * keep beside the goal it becomes.
   */
  public record Statement(
      String patientId,
      String conditionId,
      PlanStatus status,
      PlanContentData content,
      String author,
      List<String> assumed,
      Map<String, PartnerDocument<GoalView>> adopted) {}
}
