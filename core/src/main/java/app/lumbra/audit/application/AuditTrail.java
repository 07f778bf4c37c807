package app.lumbra.audit.application;

import app.lumbra.audit.domain.AuditRecord;
import app.lumbra.audit.domain.AuditRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;

/**
 * Records accesses and reads the trail. Recording runs in its own transaction, so a record stays
 * even when the access it describes fails and rolls back. There is no update or delete.
 */
@ApplicationScoped
public class AuditTrail {

  private AuditRecordRepository records;
  private Clock clock;

  /** For the CDI proxy only. */
  protected AuditTrail() {}

  @Inject
  public AuditTrail(AuditRecordRepository records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Transactional(TxType.REQUIRES_NEW)
  public String record(RecordAccess access) {
    AuditRecord record =
        AuditRecord.of(
            access.channel(),
            access.agent(),
            access.action(),
            access.entity(),
            access.patientId(),
            access.outcome(),
            access.status(),
            access.detail(),
            clock);
    records.add(record);
    return record.id();
  }

  @Transactional(TxType.SUPPORTS)
  public AuditEntryView get(String id) {
    return AuditEntryView.of(records.get(id));
  }

  /** Newest first. */
  @Transactional(TxType.SUPPORTS)
  public List<AuditEntryView> search(AuditQuery query, int offset, int limit) {
    return records
        .search(
            query.patientId(),
            query.agent(),
            query.outcome(),
            query.from(),
            query.to(),
            offset,
            limit)
        .stream()
        .map(AuditEntryView::of)
        .toList();
  }

  @Transactional(TxType.SUPPORTS)
  public long count(AuditQuery query) {
    return records.count(
        query.patientId(), query.agent(), query.outcome(), query.from(), query.to());
  }
}
