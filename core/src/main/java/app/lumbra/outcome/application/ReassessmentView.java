package app.lumbra.outcome.application;

import app.lumbra.outcome.domain.Reassessment;
import java.time.OffsetDateTime;

/** OUT-2: a completed reassessment and the three records it made. */
public record ReassessmentView(
    String id,
    String carePlanId,
    OffsetDateTime completedAt,
    String completedBy,
    String painObservationId,
    String functionObservationId,
    String redFlagScreenId) {

  static ReassessmentView of(Reassessment r) {
    return new ReassessmentView(
        r.id(),
        r.carePlanId(),
        r.completedAt(),
        r.completedBy(),
        r.painObservationId(),
        r.functionObservationId(),
        r.redFlagScreenId());
  }
}
