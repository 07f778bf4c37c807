package app.lumbra.condition.domain;

import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A patient's low-back pain as treated with massage.
 *
 * <p>Rules: onset type (acute / subacute / chronic / flare-up, or UNKNOWN when an EHR does not say,
 * FHIR-6) and onset date (not in the future, null when not known); severity is a pain score 0–10
 * and/or a category. Structural causes (disc herniation, spinal stenosis, nerve involvement) are
 * recorded because a plan for such a condition must say that massage does not fix the root cause
 * and flag co-management (PLAN-11).
 *
 * <p>Lifecycle: {@link #record recorded} as ACTIVE, {@link #revise revised} while treated, {@link
 * #resolve resolved} on a date not before its onset. Every change raises the optimistic-lock
 * version.
 */
@Entity
@Table(name = "lbp_condition")
public class Condition {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "patient_id", nullable = false, length = 64)
  private String patientId;

  @Enumerated(EnumType.STRING)
  @Column(name = "onset_type", nullable = false, length = 16)
  private OnsetType onsetType;

  @Column(name = "onset_date")
  private LocalDate onsetDate;

  @Column(name = "pain_score")
  private Integer painScore;

  @Enumerated(EnumType.STRING)
  @Column(name = "severity", nullable = false, length = 16)
  private SeverityCategory severity;

  @ElementCollection
  @CollectionTable(
      name = "lbp_condition_structural_cause",
      joinColumns = @JoinColumn(name = "condition_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "cause", nullable = false, length = 32)
  private Set<StructuralCause> structuralCauses = new HashSet<>();

  @Column(name = "note", length = ConditionFacts.MAX_NOTE_LENGTH)
  private String note;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private ConditionStatus status;

  @Column(name = "resolved_on")
  private LocalDate resolvedOn;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Condition() {}

  /** A new, active condition of the given patient. */
  public static Condition record(PatientId patient, ConditionFacts facts, Clock clock) {
    return record(ConditionId.random(), patient, facts, clock);
  }

  /**
   * A new, active condition with the given id: a fresh one, or the one an EHR chose (FHIR-8); the
   * application service makes sure no other condition has it.
   */
  public static Condition record(
      ConditionId id, PatientId patient, ConditionFacts facts, Clock clock) {
    Condition condition = new Condition();
    condition.id = id.value();
    condition.patientId = patient.value();
    condition.status = ConditionStatus.ACTIVE;
    condition.recordedAt = OffsetDateTime.now(clock);
    condition.apply(facts, clock);
    return condition;
  }

  /** Replaces what is known about the condition (new severity, a newly found cause, …). */
  public void revise(ConditionFacts facts, Clock clock) {
    apply(facts, clock);
  }

  /**
   * The back pain has gone; {@code on} may not precede the onset (when known) nor lie in the
   * future.
   */
  public void resolve(LocalDate on, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    if (on == null || (onsetDate != null && on.isBefore(onsetDate)) || on.isAfter(today)) {
      throw new InvalidValueException(
          "resolvedOn",
          on,
          onsetDate == null
              ? "a date not after " + today
              : "a date from " + onsetDate + " to " + today);
    }
    status = ConditionStatus.RESOLVED;
    resolvedOn = on;
    updatedAt = OffsetDateTime.now(clock);
  }

  private void apply(ConditionFacts facts, Clock clock) {
    facts.checkOnsetDate(clock);
    onsetType = facts.onsetType();
    onsetDate = facts.onsetDate();
    painScore = facts.severity().painScore();
    severity = facts.severity().category();
    structuralCauses.clear();
    structuralCauses.addAll(facts.structuralCauses());
    note = facts.note();
    updatedAt = OffsetDateTime.now(clock);
  }

  /** PLAN-11: whether massage alone cannot address the cause of this pain. */
  public boolean hasStructuralCause() {
    return !structuralCauses.isEmpty();
  }

  public ConditionId id() {
    return ConditionId.of(id);
  }

  public long version() {
    return version;
  }

  public PatientId patientId() {
    return PatientId.of(patientId);
  }

  public OnsetType onsetType() {
    return onsetType;
  }

  /** When the pain began; null when the EHR or clinician did not say (FHIR-6). */
  public LocalDate onsetDate() {
    return onsetDate;
  }

  public Severity severity() {
    return new Severity(painScore, severity);
  }

  public Set<StructuralCause> structuralCauses() {
    return structuralCauses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(structuralCauses));
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public ConditionStatus status() {
    return status;
  }

  public Optional<LocalDate> resolvedOn() {
    return Optional.ofNullable(resolvedOn);
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
