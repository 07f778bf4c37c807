package app.lumbra.careplan.domain;

/** PLAN-9: kinds of home-care task. */
public enum HomeCareKind {
  HYDRATION,
  GENTLE_STRETCHING,
  PRESCRIBED_EXERCISE,
  OTHER
}
