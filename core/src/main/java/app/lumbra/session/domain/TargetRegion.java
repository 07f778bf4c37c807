package app.lumbra.session.domain;

import app.lumbra.observation.domain.Codes;
import java.util.Set;

/** PLAN-7: the regions / muscle groups a session works on. */
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

  /**
   * PLAN-7: a generic full-body session is allowed but flagged as untargeted, because the evidence
   * favours work aimed at the muscles that drive the back pain.
   */
  public static boolean isUntargeted(Set<TargetRegion> regions) {
    return regions.contains(FULL_BODY);
  }
}
