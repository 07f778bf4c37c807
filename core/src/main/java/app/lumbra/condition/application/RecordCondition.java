package app.lumbra.condition.application;

import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/**
 * Records a patient's low-back pain. Give {@code painScore} (NRS 0–10), {@code severity}, or both;
 * {@code structuralCauses} may be empty (PLAN-11). {@code id} is the id the sender chose (FHIR-8),
 * null for a fresh one. {@code onsetType} and {@code onsetDate} may be null when not known
 * (FHIR-6): a null type is {@code UNKNOWN}; boundaries that know only the date derive the type with
 * {@code OnsetType.sinceOnset}.
 */
public record RecordCondition(
    @Size(max = 64) String id,
    @NotBlank String patientId,
    OnsetType onsetType,
    @PastOrPresent LocalDate onsetDate,
    @Min(0) @Max(10) Integer painScore,
    SeverityCategory severity,
    Set<@NotNull StructuralCause> structuralCauses,
    @Size(max = 2000) String note) {

  /** A condition with a fresh id. */
  public RecordCondition(
      String patientId,
      OnsetType onsetType,
      LocalDate onsetDate,
      Integer painScore,
      SeverityCategory severity,
      Set<StructuralCause> structuralCauses,
      String note) {
    this(null, patientId, onsetType, onsetDate, painScore, severity, structuralCauses, note);
  }
}
