package app.lumbra.audit.application;

import app.lumbra.audit.domain.AccessOutcome;
import java.time.OffsetDateTime;

/** Filters of an audit search; each may be null. */
public record AuditQuery(
    String patientId, String agent, AccessOutcome outcome, OffsetDateTime from, OffsetDateTime to) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null);
  }
}
