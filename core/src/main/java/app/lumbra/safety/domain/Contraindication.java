package app.lumbra.safety.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Set;

/**
 * SAFE-2: what rules out a massage technique or region, or needs a clinician's confirmation first.
 * Default configuration from massage-therapy contraindication reviews (Batavia 2004) and NICE NG59;
 * the codes that name each one in a patient's Conditions are in {@link ContraindicationCodes}.
 */
public enum Contraindication {
  /** Anticoagulants or a bleeding disorder: bruising and bleeding under deep pressure. */
  ANTICOAGULATION_OR_BLEEDING_DISORDER(
      "Anticoagulant therapy or a bleeding disorder",
      Effect.RULES_OUT_TECHNIQUES,
      Set.of(SafetyRules.DEEP_TISSUE, SafetyRules.TRIGGER_POINT)),
  /** Osteoporosis: fracture risk under deep pressure. */
  OSTEOPOROSIS(
      "Osteoporosis",
      Effect.RULES_OUT_TECHNIQUES,
      Set.of(SafetyRules.DEEP_TISSUE, SafetyRules.TRIGGER_POINT)),
  /** Suspected deep-vein thrombosis: massage of the leg may dislodge a clot. */
  DEEP_VEIN_THROMBOSIS(
      "Deep-vein thrombosis (suspected or known)", Effect.RULES_OUT_LEGS, Set.of()),
  /** A skin lesion, infection or wound: rules out the region it is on. */
  SKIN_LESION("Skin lesion, infection or wound", Effect.RULES_OUT_ITS_REGION, Set.of()),
  /** Spinal surgery in the last 6 weeks (default). */
  RECENT_SPINAL_SURGERY("Spinal surgery in the last 6 weeks", Effect.PRECAUTION, Set.of()),
  PREGNANCY("Pregnancy", Effect.PRECAUTION, Set.of()),
  ACUTE_FEVER("Acute fever", Effect.PRECAUTION, Set.of());

  public static final String FIELD = "contraindications";

  /** How a contraindication limits massage. */
  public enum Effect {
    RULES_OUT_TECHNIQUES,
    RULES_OUT_LEGS,
    RULES_OUT_ITS_REGION,
    PRECAUTION
  }

  private final String display;
  private final Effect effect;
  private final Set<String> ruledOutTechniques;

  Contraindication(String display, Effect effect, Set<String> ruledOutTechniques) {
    this.display = display;
    this.effect = effect;
    this.ruledOutTechniques = ruledOutTechniques;
  }

  public String display() {
    return display;
  }

  public Effect effect() {
    return effect;
  }

  /** The technique code names (PLAN-8) this rules out; empty unless it rules out techniques. */
  public Set<String> ruledOutTechniques() {
    return ruledOutTechniques;
  }

  public boolean isPrecaution() {
    return effect == Effect.PRECAUTION;
  }

  public static Contraindication fromCode(String code) {
    return Arrays.stream(values())
        .filter(item -> item.name().equals(code))
        .findFirst()
        .orElseThrow(
            () -> new InvalidValueException(FIELD, code, "one of " + Arrays.toString(values())));
  }
}
