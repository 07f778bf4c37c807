package app.lumbra.session.domain;

import app.lumbra.shared.Codes;

/**
 * Who called a session off (ADH-1): a clinic cancellation is not the patient's to answer for, a
 * patient cancellation counts against attendance.
 */
public enum CancelledBy {
  PATIENT,
  CLINIC;

  public static CancelledBy fromCode(String code) {
    return Codes.parse(CancelledBy.class, "cancelledBy", code);
  }
}
