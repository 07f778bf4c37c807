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
 * even when the access it describes fails and rolls back; it returns once the record is committed.
 * Concurrent callers share commits ({@link GroupCommit}). There is no update or delete.
 */
@ApplicationScoped
public class AuditTrail {

  /** Records written together at most; more concurrent requests than this rarely wait. */
  private static final int MAX_BATCH = 64;

  private AuditRecordRepository records;
  private Clock clock;
  private GroupCommit<AuditRecord> commits;

  /** For the CDI proxy only. */
  protected AuditTrail() {}

  @Inject
  public AuditTrail(AuditRecordRepository records, Clock clock, AuditWriter writer) {
    this.records = records;
    this.clock = clock;
    this.commits = new GroupCommit<>(writer::write, MAX_BATCH);
  }

  /** Writes the record and returns its id once it is committed. */
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
    commits.submit(record);
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
