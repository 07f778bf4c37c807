package app.lumbra.audit.domain;

import app.lumbra.shared.NotFoundException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port to the stored audit trail: append and read, nothing else. */
public interface AuditRecordRepository {

  void add(AuditRecord record);

  /** Adds every record, written together (one round of inserts). */
  default void addAll(List<AuditRecord> batch) {
    batch.forEach(this::add);
  }

  /** Which of {@code ids} are stored already. */
  Set<String> existing(Collection<String> ids);

  Optional<AuditRecord> find(String id);

  default AuditRecord get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("AuditEvent", id));
  }

  /**
   * Records newest first, each filter optional (null): the patient, the agent, the outcome, and
   * recorded at or after {@code from} / before {@code to}.
   */
  List<AuditRecord> search(
      String patientId,
      String agent,
      AccessOutcome outcome,
      OffsetDateTime from,
      OffsetDateTime to,
      int offset,
      int limit);

  long count(
      String patientId,
      String agent,
      AccessOutcome outcome,
      OffsetDateTime from,
      OffsetDateTime to);
}
