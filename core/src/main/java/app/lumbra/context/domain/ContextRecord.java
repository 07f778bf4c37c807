package app.lumbra.context.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.TimeOrderedIds;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a record a partner sent that Lumbra keeps as the patient's clinical context: the
 * whole document, opaque to the core, and the values it is searched by. Rules: a record type, id
 * and version identify one version; only the newest version of a record is current; a version never
 * changes except to stop being current when a newer one is kept.
 */
@Entity
@Table(name = "context_record")
public class ContextRecord {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "record_type", nullable = false, length = 32)
  private String recordType;

  @Column(name = "record_id", nullable = false, length = 64)
  private String recordId;

  @Column(name = "version_number", nullable = false)
  private long versionNumber;

  /** When a newer version was kept; null while this one is current. */
  @Column(name = "superseded_at")
  private OffsetDateTime supersededAt;

  @Column(name = "patient_id", nullable = false, length = 64)
  private String patientId;

  @Column(name = "status", length = 64)
  private String status;

  @Column(name = "clinical_date")
  private OffsetDateTime clinicalDate;

  @Column(name = "last_updated", nullable = false)
  private OffsetDateTime lastUpdated;

  @Column(name = "document", nullable = false, length = 1_000_000)
  private String document;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "context_token", joinColumns = @JoinColumn(name = "record_pk"))
  private List<SearchToken> tokens = new ArrayList<>();

  protected ContextRecord() {}

  /** A version of a record; {@code document} is the whole record as it is to be read back. */
  public static ContextRecord of(
      String recordType,
      String recordId,
      long versionNumber,
      String patientId,
      String status,
      OffsetDateTime clinicalDate,
      OffsetDateTime lastUpdated,
      List<SearchToken> tokens,
      String document) {
    ContextRecord record = new ContextRecord();
    record.id = TimeOrderedIds.next();
    record.recordType = InvalidValueException.required("recordType", recordType, "a record type");
    record.recordId = InvalidValueException.required("recordId", recordId, "an id");
    record.versionNumber = versionNumber;
    record.patientId = InvalidValueException.required("patientId", patientId, "a patient");
    record.status = status;
    record.clinicalDate = clinicalDate;
    record.lastUpdated = InvalidValueException.required("lastUpdated", lastUpdated, "a time");
    record.tokens = new ArrayList<>(tokens);
    record.document = InvalidValueException.required("document", document, "a document");
    return record;
  }

  /** A newer version has been kept at {@code at}. */
  public void supersede(OffsetDateTime at) {
    supersededAt = at;
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

  public boolean isCurrent() {
    return supersededAt == null;
  }

  public String patientId() {
    return patientId;
  }

  /** The status the record states (a Condition's clinical status), if any. */
  public Optional<String> status() {
    return Optional.ofNullable(status);
  }

  /** The date the record is about (onset, observed, performed), if it has one. */
  public Optional<OffsetDateTime> clinicalDate() {
    return Optional.ofNullable(clinicalDate);
  }

  public OffsetDateTime lastUpdated() {
    return lastUpdated;
  }

  public String document() {
    return document;
  }

  public List<SearchToken> tokens() {
    return List.copyOf(tokens);
  }
}
