package app.lumbra.audit.application;

import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.audit.domain.AuditRecord;
import java.time.OffsetDateTime;

/** A stored audit record as the FHIR adapter and the portal show it. */
public record AuditEntryView(
    String id,
    OffsetDateTime recordedAt,
    String channel,
    String agent,
    String action,
    String entity,
    String patientId,
    AccessOutcome outcome,
    int status,
    String detail) {

  static AuditEntryView of(AuditRecord record) {
    return new AuditEntryView(
        record.id(),
        record.recordedAt(),
        record.channel(),
        record.agent(),
        record.action(),
        record.entity(),
        record.patientId(),
        record.outcome(),
        record.status(),
        record.detail());
  }
}
