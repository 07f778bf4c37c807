package app.lumbra.safety.domain;

import java.util.Set;

/**
 * SAFE-2: one contraindication the patient has, where it was found (the checklist, or a Condition
 * by code) and, for a skin lesion, the regions it is on (empty when unknown). {@code confirmed}:
 * the clinician confirmed on the checklist that massage is appropriate despite a precaution, or
 * where a skin lesion coded in a Condition is.
 */
public record ContraindicationFinding(
    Contraindication contraindication, Set<Region> regions, String source, boolean confirmed) {

  public ContraindicationFinding {
    regions = regions == null ? Set.of() : Set.copyOf(regions);
  }

  /** Whether the clinician must confirm before the plan can be activated. */
  public boolean needsConfirmation() {
    if (confirmed) {
      return false;
    }
    return contraindication.isPrecaution()
        || (contraindication == Contraindication.SKIN_LESION && regions.isEmpty());
  }

  /** How a clinician reads it: what and where it came from. */
  public String describe() {
    String where =
        regions.isEmpty()
            ? ""
            : " on the "
                + String.join(", ", regions.stream().sorted().map(Region::display).toList());
    return contraindication.display() + where + " (" + source + ")";
  }
}
