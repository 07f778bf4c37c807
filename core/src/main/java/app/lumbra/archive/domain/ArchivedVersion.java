package app.lumbra.archive.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One version of one record (for example version 3 of a patient) as a boundary emitted it: an
 * opaque snapshot text, never changed once written. Rules: a record type, record id and version
 * number identify at most one archived version.
 */
@Entity
@Table(name = "record_version")
public class ArchivedVersion {

  /** Room for the largest record a boundary emits. */
  public static final int MAX_SNAPSHOT = 1_000_000;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "record_type", nullable = false, length = 32)
  private String recordType;

  @Column(name = "record_id", nullable = false, length = 64)
  private String recordId;

  @Column(name = "version_number", nullable = false)
  private long versionNumber;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  @Column(name = "snapshot", nullable = false, length = MAX_SNAPSHOT)
  private String snapshot;

  protected ArchivedVersion() {}

  public static ArchivedVersion of(
      String recordType,
      String recordId,
      long versionNumber,
      OffsetDateTime recordedAt,
      String snapshot) {
    ArchivedVersion version = new ArchivedVersion();
    version.id = UUID.randomUUID().toString();
    version.recordType = text("recordType", recordType, 32);
    version.recordId = text("recordId", recordId, 64);
    version.versionNumber = versionNumber;
    version.recordedAt = InvalidValueException.required("recordedAt", recordedAt, "a date-time");
    version.snapshot = text("snapshot", snapshot, MAX_SNAPSHOT);
    return version;
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new InvalidValueException(
          field, value == null ? null : "…", "1 to " + max + " characters");
    }
    return value;
  }

  public String recordType() {
    return recordType;
  }

  public String recordId() {
    return recordId;
  }

  public long versionNumber() {
    return versionNumber;
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }

  public String snapshot() {
    return snapshot;
  }
}
