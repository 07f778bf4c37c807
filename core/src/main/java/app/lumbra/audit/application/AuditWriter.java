package app.lumbra.audit.application;

import app.lumbra.audit.domain.AuditRecord;
import app.lumbra.audit.domain.AuditRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Set;

/**
 * Stores audit records from the journal in a transaction of their own, so a record stays even when
 * the access it describes fails and rolls back. Records stored already (read again from the journal
 * after a crash between the commit and the journal's clean-up) are skipped.
 */
@ApplicationScoped
public class AuditWriter {

  private AuditRecordRepository records;

  /** For the CDI proxy only. */
  protected AuditWriter() {}

  @Inject
  public AuditWriter(AuditRecordRepository records) {
    this.records = records;
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void write(List<AuditRecord> batch) {
    records.addAll(batch);
  }

  /** Writes the records of {@code batch} that are not stored yet. */
  @Transactional(TxType.REQUIRES_NEW)
  public void writeMissing(List<AuditRecord> batch) {
    Set<String> stored = records.existing(batch.stream().map(AuditRecord::id).toList());
    records.addAll(
        stored.isEmpty() ? batch : batch.stream().filter(r -> !stored.contains(r.id())).toList());
  }
}
