package app.lumbra.careplan.domain;

/**
 * Something about a plan a clinician should see: the rule it comes from, the part of the plan it
 * concerns, and what to consider. Warnings never change the plan.
 */
public record PlanWarning(String ruleId, String field, String message) {}
