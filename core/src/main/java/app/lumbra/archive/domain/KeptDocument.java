package app.lumbra.archive.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The document an exchange partner sent for one version of a record, when it says more than the
 * record's own module models (FHIR-1: nothing a client sends is lost). Opaque to the core: the
 * boundary that wrote it reads it back and lays the record's current state over it. Rules: a record
 * type, record id and version number identify at most one kept document; it never changes.
 */
@Entity
@Table(name = "kept_document")
public class KeptDocument {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "record_type", nullable = false, length = 32)
  private String recordType;

  @Column(name = "record_id", nullable = false, length = 64)
  private String recordId;

  @Column(name = "version_number", nullable = false)
  private long versionNumber;

  @Column(name = "document", nullable = false, length = ArchivedVersion.MAX_SNAPSHOT)
  private String document;

  protected KeptDocument() {}

  public static KeptDocument of(
      String recordType, String recordId, long versionNumber, String document) {
    KeptDocument kept = new KeptDocument();
    kept.id = TimeOrderedIds.next();
    kept.recordType = text("recordType", recordType, 32);
    kept.recordId = text("recordId", recordId, 64);
    kept.versionNumber = versionNumber;
    kept.document = text("document", document, ArchivedVersion.MAX_SNAPSHOT);
    return kept;
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new InvalidValueException(
          field, value == null ? null : "…", "1 to " + max + " characters");
    }
    return value;
  }

  /** What a partner sent last for this version (a write the domain took as no change). */
  public void replace(String newDocument) {
    document = text("document", newDocument, ArchivedVersion.MAX_SNAPSHOT);
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

  public String document() {
    return document;
  }
}
