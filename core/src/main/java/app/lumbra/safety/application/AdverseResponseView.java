package app.lumbra.safety.application;

import app.lumbra.safety.domain.AdverseResponse;
import app.lumbra.safety.domain.AdverseResponseKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** SAFE-3: a recorded adverse response. */
public record AdverseResponseView(
    String id,
    String patientId,
    String carePlanId,
    String sessionId,
    AdverseResponseKind kind,
    LocalDate noticedOn,
    String note,
    OffsetDateTime recordedAt,
    String recordedBy) {

  static AdverseResponseView of(AdverseResponse response) {
    return new AdverseResponseView(
        response.id(),
        response.patientId(),
        response.carePlanId(),
        response.sessionId().orElse(null),
        response.kind(),
        response.noticedOn(),
        response.note().orElse(null),
        response.recordedAt(),
        response.recordedBy());
  }
}
