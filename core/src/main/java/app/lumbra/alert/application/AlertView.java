package app.lumbra.alert.application;

import app.lumbra.alert.domain.Alert;
import app.lumbra.safety.domain.AlertKind;
import java.time.OffsetDateTime;

/**
 * SAFE-4: an alert as the chart, the "Needs attention" list and FHIR show it. {@code
 * acknowledgedAt}, {@code acknowledgedBy} and {@code acknowledgeNote} are null until acknowledged;
 * {@code current} is false once the rule no longer raises it.
 */
public record AlertView(
    String id,
    String patientId,
    String carePlanId,
    String ruleId,
    AlertKind kind,
    String title,
    String reason,
    String evidenceKey,
    OffsetDateTime raisedAt,
    boolean current,
    OffsetDateTime acknowledgedAt,
    String acknowledgedBy,
    String acknowledgeNote) {

  public boolean acknowledged() {
    return acknowledgedAt != null;
  }

  public boolean redFlag() {
    return kind == AlertKind.RED_FLAG;
  }

  static AlertView of(Alert alert) {
    return new AlertView(
        alert.id(),
        alert.patientId(),
        alert.carePlanId(),
        alert.ruleId(),
        alert.kind(),
        alert.title(),
        alert.reason(),
        alert.evidenceKey(),
        alert.raisedAt(),
        alert.isCurrent(),
        alert.acknowledgedAt().orElse(null),
        alert.acknowledgedBy().orElse(null),
        alert.acknowledgeNote().orElse(null));
  }
}
