package app.lumbra.audit.application;

import app.lumbra.audit.domain.AuditRecord;
import app.lumbra.audit.domain.AuditRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/**
 * Writes audit records in a transaction of their own, so a record stays even when the access it
 * describes fails and rolls back.
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
}
