package app.lumbra.careplan.domain;

/** PLAN-14: what a version of a plan changed. */
public enum PlanChange {
  CREATED,
  EDITED,
  ACTIVATED,
  PUT_ON_HOLD,
  RESUMED,
  COMPLETED,
  REVOKED
}
