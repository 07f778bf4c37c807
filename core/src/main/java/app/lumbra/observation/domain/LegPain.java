package app.lumbra.observation.domain;

import app.lumbra.shared.Codes;
import app.lumbra.shared.InvalidValueException;
import java.util.Optional;

/**
 * OBS-2: shooting pain down the leg, absent or present on a side. A present reading may leave the
 * side unrecorded (EHRs often send sciatica without laterality); an absent one has no side.
 */
public record LegPain(Presence presence, Side side) implements SymptomReading {
  public static final String FIELD = "legPain";
  public static final String SIDE_FIELD = "legPainSide";

  /** Whether shooting leg pain is there. */
  public enum Presence {
    ABSENT,
    PRESENT
  }

  /** Which leg(s). */
  public enum Side {
    LEFT,
    RIGHT,
    BOTH
  }

  public LegPain {
    InvalidValueException.required(FIELD, presence, Codes.allowed(Presence.class));
    if (presence == Presence.ABSENT && side != null) {
      throw new InvalidValueException(SIDE_FIELD, side, "no side when leg pain is ABSENT");
    }
  }

  public static LegPain absent() {
    return new LegPain(Presence.ABSENT, null);
  }

  public static LegPain present(Side side) {
    return new LegPain(Presence.PRESENT, side);
  }

  /** From boundary codes; {@code side} may be null or blank. */
  public static LegPain of(String presence, String side) {
    Presence p = Codes.parse(Presence.class, FIELD, presence);
    Side s = side == null || side.isBlank() ? null : Codes.parse(Side.class, SIDE_FIELD, side);
    return new LegPain(p, s);
  }

  public boolean isPresent() {
    return presence == Presence.PRESENT;
  }

  public Optional<Side> sideIfKnown() {
    return Optional.ofNullable(side);
  }

  @Override
  public Measure.Stored stored() {
    return new Measure.Stored(null, presence.name(), null, side == null ? null : side.name());
  }

  @Override
  public ObservationCode code() {
    return ObservationCode.LEG_PAIN;
  }
}
