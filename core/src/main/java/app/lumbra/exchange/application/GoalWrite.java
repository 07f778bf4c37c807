package app.lumbra.exchange.application;

import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.context.application.KeepContext;
import jakarta.validation.constraints.NotNull;
import java.util.function.Supplier;

/**
 * A Goal a partner writes: {@code namedPlan} is the Lumbra plan its {@code care-plan} extension
 * names (null: none), {@code goal} what it says as a goal of a plan (translated only when it is
 * written as one), {@code asContext} keeps it as the patient's clinical context.
 */
public record GoalWrite(
    String id,
    Long expectedVersion,
    String namedPlan,
    @NotNull Supplier<PlanGoal> goal,
    @NotNull Supplier<KeepContext> asContext,
    @NotNull PartnerDocument<GoalView> document) {

  /** The goal as a plan's: its patient (null when it names none), content and author. */
  public record PlanGoal(String patientId, GoalData goal, String author) {}
}
