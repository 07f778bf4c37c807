package app.lumbra.observation.domain;

import app.lumbra.shared.Codes;

/** OBS-2: how often muscle spasms occur. */
public enum SpasmFrequency implements SymptomReading {
  NONE,
  OCCASIONAL,
  FREQUENT;

  public static final String FIELD = "spasmFrequency";

  public static SpasmFrequency fromCode(String code) {
    return Codes.parse(SpasmFrequency.class, FIELD, code);
  }

  @Override
  public Measure.Stored stored() {
    return Measure.Stored.category(name());
  }

  @Override
  public ObservationCode code() {
    return ObservationCode.SPASM;
  }
}
