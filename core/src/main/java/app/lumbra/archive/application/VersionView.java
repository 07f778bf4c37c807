package app.lumbra.archive.application;

import app.lumbra.archive.domain.ArchivedVersion;
import java.time.OffsetDateTime;

/** An archived version as boundaries read it back. */
public record VersionView(
    String recordType, String recordId, long version, OffsetDateTime recordedAt, String snapshot) {

  static VersionView of(ArchivedVersion version) {
    return new VersionView(
        version.recordType(),
        version.recordId(),
        version.versionNumber(),
        version.recordedAt(),
        version.snapshot());
  }
}
