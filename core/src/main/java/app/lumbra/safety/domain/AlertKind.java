package app.lumbra.safety.domain;

/**
 * SAFE-4: how urgent an alert is. Red flags come first and look different from review suggestions
 * wherever alerts are shown; information is last.
 */
public enum AlertKind {
  RED_FLAG("Red flag"),
  REVIEW("Review suggested"),
  INFO("For information");

  private final String display;

  AlertKind(String display) {
    this.display = display;
  }

  public String display() {
    return display;
  }
}
