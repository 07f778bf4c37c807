package app.lumbra.audit.application;

import app.lumbra.audit.domain.AuditRecord;
import app.lumbra.audit.domain.AuditRecordRepository;
import app.lumbra.audit.domain.RecordJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Records accesses and reads the trail. A record is appended to the {@link RecordJournal} before
 * {@link #record} returns, so it stays even when the access it describes fails and rolls back, and
 * survives a crash. {@link #store} moves the journal into the database (in the background, every
 * fraction of a second); every read of the trail stores first, so it sees every access recorded
 * before it. There is no update or delete.
 */
@ApplicationScoped
public class AuditTrail {

  /** Records stored in one transaction at most. */
  static final int BATCH = 500;

  private AuditRecordRepository records;
  private Clock clock;
  private AuditWriter writer;
  private RecordJournal journal;

  /** For the CDI proxy only. */
  protected AuditTrail() {}

  @Inject
  public AuditTrail(
      AuditRecordRepository records, Clock clock, AuditWriter writer, RecordJournal journal) {
    this.records = records;
    this.clock = clock;
    this.writer = writer;
    this.journal = journal;
  }

  /**
   * Opens the journal (at start-up).
   *
   * @throws IllegalStateException with a one-line explanation when its directory is unusable
   */
  public void open() {
    journal.open();
  }

  /** Closes the journal for good (at shutdown, after {@link #store}). */
  public void close() {
    journal.close();
  }

  /** Writes the record to the journal and returns its id once the record is safe. */
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
    journal.append(record);
    return record.id();
  }

  /**
   * Stores what the journal holds in the database.
   *
   * @return how many records were stored
   * @throws RuntimeException when the database refuses them; they stay in the journal
   */
  public int store() {
    return journal.drain(
        (batch, mayBeStored) -> {
          if (mayBeStored) {
            writer.writeMissing(batch);
          } else {
            writer.write(batch);
          }
        },
        BATCH);
  }

  public AuditEntryView get(String id) {
    store();
    return AuditEntryView.of(records.get(id));
  }

  /** Newest first. */
  public List<AuditEntryView> search(AuditQuery query, int offset, int limit) {
    store();
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

  public long count(AuditQuery query) {
    store();
    return records.count(
        query.patientId(), query.agent(), query.outcome(), query.from(), query.to());
  }
}
