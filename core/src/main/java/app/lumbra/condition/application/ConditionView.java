package app.lumbra.condition.application;

import app.lumbra.condition.domain.Condition;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A condition as the boundaries show it; {@code painScore}, {@code note} and {@code resolvedOn} are
 * null when unknown.
 */
public record ConditionView(
    String id,
    long version,
    String patientId,
    OnsetType onsetType,
    LocalDate onsetDate,
    Integer painScore,
    SeverityCategory severity,
    Set<StructuralCause> structuralCauses,
    String note,
    ConditionStatus status,
    LocalDate resolvedOn,
    OffsetDateTime recordedAt,
    OffsetDateTime updatedAt) {

  static ConditionView of(Condition condition) {
    return new ConditionView(
        condition.id().value(),
        condition.version(),
        condition.patientId().value(),
        condition.onsetType(),
        condition.onsetDate(),
        condition.severity().painScore(),
        condition.severity().category(),
        condition.structuralCauses(),
        condition.note().orElse(null),
        condition.status(),
        condition.resolvedOn().orElse(null),
        condition.recordedAt(),
        condition.updatedAt());
  }
}
