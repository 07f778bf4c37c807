package app.lumbra.observation.domain;

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

  public boolean isSessionContext() {
    return this == PRE_SESSION || this == POST_SESSION;
  }
}
