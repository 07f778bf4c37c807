package app.lumbra.progress.domain;

import java.util.Objects;

/**
 * Something the clinician should act on; names the rule that raised it, how urgent it is and the
 * next step.
 *
 * @param severity red flag, review or suggestion (SAFE-4 lists red flags first)
 */
public record ProgressAlert(
    String ruleId, AlertSeverity severity, NextStep suggestedNextStep, String message) {

  public ProgressAlert {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(suggestedNextStep, "suggestedNextStep");
    Objects.requireNonNull(message, "message");
  }

  /** An alert whose severity follows from its next step ({@link NextStep#severity()}). */
  public ProgressAlert(String ruleId, NextStep suggestedNextStep, String message) {
    this(ruleId, suggestedNextStep.severity(), suggestedNextStep, message);
  }

  public boolean isRedFlag() {
    return severity == AlertSeverity.RED_FLAG;
  }
}
