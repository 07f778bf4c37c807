package app.lumbra.careplan.domain;

/** Lifecycle of a goal of the plan. */
public enum GoalStatus {
  PROPOSED,
  ACTIVE,
  ACHIEVED,
  NOT_ACHIEVED,
  CANCELLED
}
