package app.lumbra.observation.domain;

import app.lumbra.shared.Codes;
import java.time.OffsetDateTime;

/**
 * When a reading was taken relative to care. Session pain is recorded before and after each session
 * (OBS-1); keeping the context lets pre and post survive every round trip.
 */
public enum ReadingContext {
  PRE_SESSION,
  POST_SESSION,
  DIARY,
  EHR_IMPORT;

  public static final String FIELD = "context";

  public static ReadingContext fromCode(String code) {
    return Codes.parse(ReadingContext.class, FIELD, code);
  }

  /**
   * FHIR-6: a session reading that does not say whether it was taken before or after the session is
   * before it when taken at or before the session's start, after it otherwise.
   */
  public static ReadingContext relativeTo(OffsetDateTime takenAt, OffsetDateTime sessionStart) {
    return takenAt.isAfter(sessionStart) ? POST_SESSION : PRE_SESSION;
  }

  public boolean isSessionContext() {
    return this == PRE_SESSION || this == POST_SESSION;
  }
}
