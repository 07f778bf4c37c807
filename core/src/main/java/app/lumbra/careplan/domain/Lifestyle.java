package app.lumbra.careplan.domain;

/** Lifestyle factors that set the maintenance interval (PLAN-4). A patient may have several. */
public enum Lifestyle {
  SEDENTARY_DESK_JOB,
  PHYSICALLY_DEMANDING_JOB_OR_ATHLETE,
  HIGH_STRESS,
  OTHER
}
