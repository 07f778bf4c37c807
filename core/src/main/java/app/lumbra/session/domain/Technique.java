package app.lumbra.session.domain;

import app.lumbra.observation.domain.Codes;

/**
 * PLAN-8: massage techniques. The code names are shared with the care plan module, which keeps its
 * own list; modules coordinate by these names only.
 */
public enum Technique {
  MYOFASCIAL_RELEASE,
  KNEADING,
  TRIGGER_POINT,
  DEEP_TISSUE,
  LIGHT_SWEDISH;

  public static final String FIELD = "technique";

  public static Technique fromCode(String code) {
    return Codes.parse(Technique.class, FIELD, code);
  }
}
