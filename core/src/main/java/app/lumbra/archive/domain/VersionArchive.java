package app.lumbra.archive.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Port to the archived versions; the JPA implementation lives in {@code archive.persistence}. */
public interface VersionArchive {

  /** Whether this version of the record is archived already. */
  boolean contains(String recordType, String recordId, long versionNumber);

  void add(ArchivedVersion version);

  Optional<ArchivedVersion> find(String recordType, String recordId, long versionNumber);

  /** Every archived version of one record, newest first. */
  List<ArchivedVersion> ofRecord(String recordType, String recordId);

  /** A page of the versions of all records of a type recorded at or after {@code since}. */
  List<ArchivedVersion> ofType(String recordType, OffsetDateTime since, int offset, int limit);

  long countOfType(String recordType, OffsetDateTime since);
}
