package app.lumbra.context.domain;

import java.util.List;
import java.util.Optional;

/** Port to the context records; the JPA implementation lives in {@code context.persistence}. */
public interface ContextRecords {

  void add(ContextRecord record);

  Optional<ContextRecord> current(String recordType, String recordId);

  Optional<ContextRecord> version(String recordType, String recordId, long version);

  /** Every version of a record, newest first. */
  List<ContextRecord> history(String recordType, String recordId);

  /** A page of current records matching, by clinical date then id (or newest first). */
  List<ContextRecord> search(ContextCriteria criteria, int offset, int limit);

  long count(ContextCriteria criteria);
}
