package app.lumbra.careplan.domain;

/**
 * PLAN-7: regions / muscle groups a session works on; the same code names as the session module.
 * {@link #FULL_BODY} is allowed but untargeted.
 */
public enum TargetRegion {
  LOWER_BACK,
  HIPS,
  GLUTES,
  SURROUNDING_MUSCLES,
  FULL_BODY;

  public boolean untargeted() {
    return this == FULL_BODY;
  }
}
