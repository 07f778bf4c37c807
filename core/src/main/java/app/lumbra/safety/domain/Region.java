package app.lumbra.safety.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The regions a session works on (PLAN-7), by the code names the care plan and session modules use;
 * SAFE-2 rules some of them out. {@link #FULL_BODY} includes every other region and the legs.
 */
public enum Region {
  LOWER_BACK("lower back"),
  HIPS("hips"),
  GLUTES("glutes"),
  SURROUNDING_MUSCLES("surrounding muscles"),
  FULL_BODY("full body (legs included)");

  public static final String FIELD = "lesionRegions";

  private final String display;

  Region(String display) {
    this.display = display;
  }

  public String display() {
    return display;
  }

  /** Whether work on {@code planned} touches this region (full-body work touches every region). */
  public boolean touchedBy(Region planned) {
    return planned == this || planned == FULL_BODY;
  }

  /** The region of a code name, or empty for a name this module does not know. */
  public static Optional<Region> ofCode(String code) {
    return Arrays.stream(values()).filter(region -> region.name().equals(code)).findFirst();
  }

  public static Region fromCode(String code) {
    return ofCode(code)
        .orElseThrow(
            () -> new InvalidValueException(FIELD, code, "one of " + Arrays.toString(values())));
  }
}
