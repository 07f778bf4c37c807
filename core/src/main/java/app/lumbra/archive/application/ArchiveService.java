package app.lumbra.archive.application;

import app.lumbra.archive.domain.ArchivedVersion;
import app.lumbra.archive.domain.VersionArchive;
import app.lumbra.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Archives the versions a boundary emits and reads them back. Archiving the same version twice
 * keeps the first snapshot, so retries and concurrent readers never fail a write.
 */
@ApplicationScoped
@Transactional
public class ArchiveService {

  private VersionArchive archive;

  /** For the CDI proxy only. */
  protected ArchiveService() {}

  @Inject
  public ArchiveService(VersionArchive archive) {
    this.archive = archive;
  }

  /** Stores the snapshot of this version unless it is archived already. */
  public void archive(
      @NotNull String recordType,
      @NotNull String recordId,
      long version,
      @NotNull OffsetDateTime recordedAt,
      @NotNull String snapshot) {
    if (!archive.contains(recordType, recordId, version)) {
      archive.add(ArchivedVersion.of(recordType, recordId, version, recordedAt, snapshot));
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<VersionView> version(
      @NotNull String recordType, @NotNull String recordId, long version) {
    return archive.find(recordType, recordId, version).map(VersionView::of);
  }

  /** Every archived version of the record, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VersionView> history(@NotNull String recordType, @NotNull String recordId) {
    return archive.ofRecord(recordType, recordId).stream().map(VersionView::of).toList();
  }

  /** A page of the versions of a type recorded since {@code since} (null: ever), newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public VersionPage typeHistory(
      @NotNull String recordType, OffsetDateTime since, int offset, int limit) {
    PageRequest.of(offset, limit);
    return new VersionPage(
        archive.ofType(recordType, since, offset, limit).stream().map(VersionView::of).toList(),
        offset,
        limit,
        archive.countOfType(recordType, since));
  }
}
