package app.lumbra.careplan.domain;

/** Where a goal lives: the plan that holds it and the goal's own id. */
public record GoalRef(String carePlanId, String goalId) {}
