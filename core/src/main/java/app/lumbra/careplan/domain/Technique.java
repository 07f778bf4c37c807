package app.lumbra.careplan.domain;

/**
 * PLAN-8: massage techniques. The code names are the same as the session module's, so planned and
 * performed sessions compare by name. To extend the list add a constant and say whether it is
 * intensive; every rule works on {@link #intensive()} only.
 */
public enum Technique {
  MYOFASCIAL_RELEASE("Myofascial release", false),
  KNEADING("Kneading", false),
  TRIGGER_POINT("Trigger-point therapy", true),
  DEEP_TISSUE("Deep tissue", true),
  LIGHT_SWEDISH("Light / relaxation (Swedish)", false);

  private final String display;
  private final boolean intensive;

  Technique(String display, boolean intensive) {
    this.display = display;
    this.intensive = intensive;
  }

  public String display() {
    return display;
  }

  /** PLAN-6: deep work that needs the longer break between sessions. */
  public boolean intensive() {
    return intensive;
  }
}
