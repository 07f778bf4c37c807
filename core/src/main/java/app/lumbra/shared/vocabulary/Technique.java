package app.lumbra.shared.vocabulary;

import app.lumbra.shared.Codes;

/**
 * PLAN-8: massage techniques, for planned and performed sessions alike. To extend the list add a
 * constant and say whether it is intensive; every rule works on {@link #intensive()} only.
 */
public enum Technique {
  MYOFASCIAL_RELEASE("Myofascial release", false),
  KNEADING("Kneading", false),
  TRIGGER_POINT("Trigger-point therapy", true),
  DEEP_TISSUE("Deep tissue", true),
  LIGHT_SWEDISH("Light / relaxation (Swedish)", false);

  public static final String FIELD = "technique";

  private final String display;
  private final boolean intensive;

  Technique(String display, boolean intensive) {
    this.display = display;
    this.intensive = intensive;
  }

  public static Technique fromCode(String code) {
    return Codes.parse(Technique.class, FIELD, code);
  }

  public String display() {
    return display;
  }

  /** PLAN-6: deep work that needs the longer break between sessions. */
  public boolean intensive() {
    return intensive;
  }
}
