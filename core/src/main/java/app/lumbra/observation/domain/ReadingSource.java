package app.lumbra.observation.domain;

import app.lumbra.shared.Codes;

/** Who or what delivered a reading. */
public enum ReadingSource {
  PORTAL,
  HOME_DIARY,
  EHR_IMPORT;

  public static final String FIELD = "source";

  public static ReadingSource fromCode(String code) {
    return Codes.parse(ReadingSource.class, FIELD, code);
  }
}
