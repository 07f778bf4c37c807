package app.lumbra.session.domain;

import app.lumbra.shared.Codes;

/**
 * OBS-3: whether a session happened. A planned session ends in exactly one of attended, missed or
 * cancelled; the end states are final because adherence (ADH-1) counts them.
 */
public enum SessionStatus {
  PLANNED,
  ATTENDED,
  MISSED,
  CANCELLED;

  public static SessionStatus fromCode(String code) {
    return Codes.parse(SessionStatus.class, "status", code);
  }

  /** OBS-3 lifecycle: only a planned session can move, and only to an end state. */
  public boolean canMoveTo(SessionStatus next) {
    return this == PLANNED && next != PLANNED;
  }
}
