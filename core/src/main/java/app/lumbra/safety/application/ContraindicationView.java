package app.lumbra.safety.application;

import app.lumbra.safety.domain.Contraindication;
import app.lumbra.safety.domain.ContraindicationFinding;
import app.lumbra.safety.domain.Region;
import java.util.Set;

/**
 * SAFE-2: one contraindication of a patient as the chart shows it: what, where it was found, what
 * it rules out, and whether the clinician still has to confirm it.
 */
public record ContraindicationView(
    Contraindication contraindication,
    Set<Region> regions,
    String source,
    boolean needsConfirmation,
    String description) {

  static ContraindicationView of(ContraindicationFinding finding) {
    return new ContraindicationView(
        finding.contraindication(),
        finding.regions(),
        finding.source(),
        finding.needsConfirmation(),
        finding.describe());
  }
}
