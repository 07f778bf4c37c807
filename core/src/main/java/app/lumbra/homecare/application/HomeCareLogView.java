package app.lumbra.homecare.application;

import app.lumbra.homecare.domain.HomeCareLogEntry;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One logged day of one home-care task. */
public record HomeCareLogView(
    String id,
    String carePlanId,
    String patientId,
    String taskId,
    LocalDate day,
    boolean done,
    OffsetDateTime loggedAt,
    long version) {

  static HomeCareLogView of(HomeCareLogEntry e) {
    return new HomeCareLogView(
        e.id(),
        e.carePlanId(),
        e.patientId(),
        e.taskId(),
        e.day(),
        e.done(),
        e.loggedAt(),
        e.version());
  }
}
