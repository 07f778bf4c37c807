package app.lumbra.session.application;

import app.lumbra.session.domain.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Records a visit of a plan as the clinician reports it (OBS-3), in one transaction: the session
 * planned for that day is completed (attended) or marked missed; without one, the visit is recorded
 * as performed, or as a session planned then and missed.
 */
@ApplicationScoped
@Transactional
public class SessionRecording {

  static final String DEFAULT_MISSED_REASON = "Did not come";

  @Inject SessionService sessions;

  public SessionView record(@NotNull @Valid RecordSessionOfDay visit) {
    Optional<SessionView> planned = plannedOn(visit);
    if (visit.attended()) {
      return planned.isPresent()
          ? sessions.recordAttended(
              new RecordAttendedSession(
                  planned.get().id(), planned.get().version(), visit.performed()))
          : sessions.recordUnscheduled(
              new RecordUnscheduledSession(
                  visit.carePlanId(), visit.patientId(), visit.performed()));
    }
    String reason =
        visit.missedReason() == null || visit.missedReason().isBlank()
            ? DEFAULT_MISSED_REASON
            : visit.missedReason();
    if (planned.isPresent()) {
      return sessions.markMissed(
          new MarkSessionMissed(planned.get().id(), planned.get().version(), reason));
    }
    SessionView scheduled =
        sessions.schedule(
            new ScheduleSession(
                visit.carePlanId(),
                visit.patientId(),
                visit.at(),
                null,
                null,
                visit.targetRegions()));
    // Created a moment ago in this transaction: no version to compare with.
    return sessions.markMissed(new MarkSessionMissed(scheduled.id(), null, reason));
  }

  private Optional<SessionView> plannedOn(RecordSessionOfDay visit) {
    if (visit.at() == null) {
      return Optional.empty();
    }
    LocalDate day = visit.at().atZoneSameInstant(visit.zone()).toLocalDate();
    return sessions.listForPlan(visit.carePlanId()).stream()
        .filter(s -> s.status() == SessionStatus.PLANNED)
        .filter(s -> s.scheduledAt().atZoneSameInstant(visit.zone()).toLocalDate().equals(day))
        .findFirst();
  }
}
