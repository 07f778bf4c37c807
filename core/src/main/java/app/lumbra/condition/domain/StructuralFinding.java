package app.lumbra.condition.domain;

import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * PLAN-11, FHIR-6: a structural cause of back pain (disc disorder, spinal stenosis, radiculopathy)
 * that the patient's record holds as a problem of its own, not on the low-back-pain {@link
 * Condition}. EHRs list such diagnoses as separate Conditions; the FHIR adapter recognises them by
 * code and records each as a finding, so that every plan for the patient states that massage does
 * not fix the root cause, whichever Condition the cause came from.
 *
 * <p>Rules: one cause per finding; its id is the id of the record it came from (any FHIR id,
 * FHIR-8) or a fresh one. Lifecycle: {@link #record recorded} as current, {@link #end ended} when
 * the EHR resolves it or withdraws it as entered in error; an ended finding no longer counts.
 */
@Entity
@Table(name = "structural_finding")
public class StructuralFinding {

  @Id
  @Column(name = "id", length = RecordIds.MAX_LENGTH)
  private String id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String patientId;

  @Enumerated(EnumType.STRING)
  @Column(name = "cause", nullable = false, length = 32)
  private StructuralCause cause;

  @Column(name = "current", nullable = false)
  private boolean current;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected StructuralFinding() {}

  /** A current finding of {@code cause}, with the requested id or a fresh one. */
  public static StructuralFinding record(
      String requestedId, PatientId patient, StructuralCause cause, Clock clock) {
    StructuralFinding finding = new StructuralFinding();
    finding.id = RecordIds.requestedOrRandom("structuralFindingId", requestedId);
    finding.patientId =
        InvalidValueException.required("patientId", patient, "a patient id").value();
    finding.cause =
        InvalidValueException.required(
            "cause", cause, "DISC_HERNIATION, SPINAL_STENOSIS or NERVE_INVOLVEMENT");
    finding.current = true;
    finding.recordedAt = OffsetDateTime.now(clock);
    finding.updatedAt = finding.recordedAt;
    return finding;
  }

  /** The EHR resolved or withdrew the finding: it no longer counts for PLAN-11. */
  public void end(Clock clock) {
    current = false;
    updatedAt = OffsetDateTime.now(clock);
  }

  public String id() {
    return id;
  }

  public long version() {
    return version;
  }

  public PatientId patientId() {
    return PatientId.of(patientId);
  }

  public StructuralCause cause() {
    return cause;
  }

  public boolean isCurrent() {
    return current;
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
