package app.lumbra.condition.domain;

/**
 * PLAN-11: structural findings behind the pain that massage cannot fix; a plan for a condition with
 * any of them flags co-management or referral.
 */
public enum StructuralCause {
  DISC_HERNIATION("disc herniation"),
  SPINAL_STENOSIS("spinal stenosis"),
  NERVE_INVOLVEMENT("nerve involvement");

  private final String display;

  StructuralCause(String display) {
    this.display = display;
  }

  public String display() {
    return display;
  }
}
