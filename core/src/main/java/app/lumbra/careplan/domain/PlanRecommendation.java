package app.lumbra.careplan.domain;

import java.util.List;

/**
 * PLAN-13: a proposed plan with its projection (PLAN-10), the warnings of {@link PlanChecker} and
 * the budget trade-offs made on the way (PLAN-10), each in words a clinician can pass on.
 */
public record PlanRecommendation(
    CarePlanContent plan,
    PlanProjection projection,
    List<PlanWarning> warnings,
    List<String> tradeOffs) {

  public PlanRecommendation {
    warnings = List.copyOf(warnings);
    tradeOffs = List.copyOf(tradeOffs);
  }
}
