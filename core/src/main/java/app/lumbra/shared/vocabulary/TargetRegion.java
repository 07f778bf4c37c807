package app.lumbra.shared.vocabulary;

import app.lumbra.shared.Codes;
import java.util.Set;

/** PLAN-7: the regions / muscle groups a planned or performed session works on. */
public enum TargetRegion {
  LOWER_BACK,
  HIPS,
  GLUTES,
  SURROUNDING_MUSCLES,
  FULL_BODY;

  public static final String FIELD = "targetRegion";

  public static TargetRegion fromCode(String code) {
    return Codes.parse(TargetRegion.class, FIELD, code);
  }

  /** PLAN-7: generic full-body work is allowed but untargeted. */
  public boolean untargeted() {
    return this == FULL_BODY;
  }

  /**
   * PLAN-7, the one decision for plans and sessions: work is untargeted when it includes full-body
   * work or names no region at all, because the evidence favours work aimed at the muscles that
   * drive the back pain. A session must name a region anyway; a plan's phase is warned about.
   */
  public static boolean isUntargeted(Set<TargetRegion> regions) {
    return regions.isEmpty() || regions.stream().anyMatch(TargetRegion::untargeted);
  }
}
