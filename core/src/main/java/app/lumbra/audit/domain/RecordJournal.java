package app.lumbra.audit.domain;

import java.util.List;

/**
 * Port to the audit trail's write-ahead journal: a record appended here is safe before the access
 * it describes commits or fails, and is moved into the {@link AuditRecordRepository} later.
 */
public interface RecordJournal {

  /** Where {@link #drain} stores records. */
  @FunctionalInterface
  interface Store {
    /**
     * Stores {@code batch} in one transaction or throws.
     *
     * @param mayBeStored some records of the batch may be stored already (read again after a crash
     *     or a failed drain), so the store must skip those it has
     */
    void store(List<AuditRecord> batch, boolean mayBeStored);
  }

  /**
   * Makes the journal ready to append to (at start-up).
   *
   * @throws IllegalStateException with a one-line explanation when it cannot be used
   */
  void open();

  /** Closes the journal for good; what was appended stays for the next process to store. */
  void close();

  /** Appends {@code record}; returns once the record is safe. */
  void append(AuditRecord record);

  /**
   * Hands what the journal holds to {@code store} in batches of at most {@code batchSize} records,
   * in the order appended, and forgets what was stored; when {@code store} throws, the records stay
   * for the next drain and the exception is rethrown.
   *
   * @return the number of records handed to the store
   */
  int drain(Store store, int batchSize);
}
