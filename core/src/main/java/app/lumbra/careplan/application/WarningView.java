package app.lumbra.careplan.application;

/** A warning about a plan: the rule id (PLAN-n), the part of the plan, and what to consider. */
public record WarningView(String ruleId, String field, String message) {}
