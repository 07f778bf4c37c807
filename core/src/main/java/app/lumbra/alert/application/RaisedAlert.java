package app.lumbra.alert.application;

import app.lumbra.safety.domain.AlertKind;
import java.util.Objects;

/**
 * An alert a rule raises now (SAFE-4).
 *
 * @param evidenceKey what it rests on: the same evidence is the same alert, so an acknowledged one
 *     is not raised again
 * @param title and reason in a clinician's words
 */
public record RaisedAlert(
    String ruleId, AlertKind kind, String evidenceKey, String title, String reason) {

  public RaisedAlert {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(evidenceKey, "evidenceKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(reason, "reason");
  }
}
