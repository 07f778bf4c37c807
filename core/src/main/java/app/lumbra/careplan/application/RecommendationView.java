package app.lumbra.careplan.application;

import java.util.List;

/**
 * PLAN-13: a proposed plan for the clinician to edit and then pass to {@link
 * CarePlanService#createDraft}, with its projection, warnings, budget trade-offs (PLAN-10) and the
 * structural-cause statement (PLAN-11, null without causes).
 */
public record RecommendationView(
    PlanContentData plan,
    ProjectionView projection,
    List<WarningView> warnings,
    List<String> tradeOffs,
    String structuralCauseStatement) {}
