package app.lumbra.condition.application;

import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.condition.domain.StructuralFinding;
import java.time.OffsetDateTime;

/** A structural finding as the boundaries show it; {@code current} false once ended. */
public record StructuralFindingView(
    String id,
    long version,
    String patientId,
    StructuralCause cause,
    boolean current,
    OffsetDateTime recordedAt,
    OffsetDateTime updatedAt) {

  static StructuralFindingView of(StructuralFinding finding) {
    return new StructuralFindingView(
        finding.id(),
        finding.version(),
        finding.patientId().value(),
        finding.cause(),
        finding.isCurrent(),
        finding.recordedAt(),
        finding.updatedAt());
  }
}
