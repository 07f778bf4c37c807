package app.lumbra.context.application;

import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.context.domain.ContextRecord;
import app.lumbra.context.domain.ContextRecords;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.PageRequest;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Keeps and finds the patient's clinical context (records partners send that are not about low-back
 * pain). A new version of a record supersedes the previous one; every version stays readable.
 */
@ApplicationScoped
@Transactional
public class ContextService {

  private ContextRecords records;
  private Clock clock;

  /** For the CDI proxy only. */
  protected ContextService() {}

  @Inject
  public ContextService(ContextRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /**
   * Keeps the next version of the record; {@code expectedVersion}, when given, must be the current
   * one (If-Match). Returns the kept version.
   */
  public ContextView keep(@NotNull @Valid KeepContext command, Long expectedVersion) {
    Optional<ContextRecord> current = records.current(command.recordType(), command.recordId());
    long version = current.map(ContextRecord::versionNumber).orElse(0L) + 1;
    if (expectedVersion != null && expectedVersion != version - 1) {
      throw new VersionConflictException(
          command.recordType(), command.recordId(), expectedVersion, version - 1);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    current.ifPresent(previous -> previous.supersede(now));
    ContextRecord kept =
        ContextRecord.of(
            command.recordType(),
            command.recordId(),
            version,
            command.patientId(),
            command.status(),
            command.clinicalDate(),
            now,
            command.tokens(),
            command.documentAt().document(version, now));
    records.add(kept);
    return ContextView.of(kept);
  }

  /**
   * Releases the record: it is no longer the patient's context because Lumbra's domain took it over
   * (a Goal a plan adopted). Its versions stay stored; it is no longer found or read. Returns
   * whether there was a current version.
   */
  public boolean release(@NotNull String recordType, @NotNull String recordId) {
    Optional<ContextRecord> current = records.current(recordType, recordId);
    current.ifPresent(record -> record.supersede(OffsetDateTime.now(clock)));
    return current.isPresent();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContextView> current(@NotNull String recordType, @NotNull String recordId) {
    return records.current(recordType, recordId).map(ContextView::of);
  }

  /** The record at a version; not found names the record and version. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ContextView version(@NotNull String recordType, @NotNull String recordId, long version) {
    return records
        .version(recordType, recordId, version)
        .map(ContextView::of)
        .orElseThrow(
            () -> new NotFoundException(recordType + " version", recordId + "/" + version));
  }

  /** Every version, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ContextView> history(@NotNull String recordType, @NotNull String recordId) {
    return records.history(recordType, recordId).stream().map(ContextView::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ContextPage search(@NotNull ContextCriteria criteria, int offset, int limit) {
    PageRequest.orCountOnly(offset, limit);
    List<ContextView> page =
        limit == 0
            ? List.of()
            : records.search(criteria, offset, limit).stream().map(ContextView::of).toList();
    return new ContextPage(page, offset, limit, records.count(criteria));
  }
}
