package app.lumbra.adherence.domain;

import app.lumbra.session.domain.SessionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** ADH-1 Attendance: attended / scheduled sessions to date, and missed sessions. */
public final class AttendancePolicy {

  private AttendancePolicy() {}

  /**
   * Counts sessions due by now. A session the clinic cancelled is left out of what was due: the
   * patient could not come. A session the patient cancelled was due and not attended, so it counts
   * against attendance like a missed one, and is reported on its own. Cancellations recorded
   * without saying who called them off are the clinic's. A date of the plan's own schedule without
   * any session record on that day counts as due and unrecorded, so that sessions never entered
   * still show.
   */
  public static Attendance attendance(AdherenceSnapshot snapshot, Clock clock) {
    Instant now = clock.instant();
    int due = 0;
    int attended = 0;
    int missed = 0;
    int cancelled = 0;
    int cancelledByPatient = 0;
    int unrecorded = 0;
    Map<LocalDate, Integer> recordedPerDay = new HashMap<>();
    for (ScheduledSession session : snapshot.sessions()) {
      recordedPerDay.merge(day(session.scheduledAt(), clock), 1, Integer::sum);
      if (session.status() == SessionStatus.CANCELLED && !session.cancelledByPatient()) {
        cancelled++;
        continue;
      }
      boolean isDue = !session.scheduledAt().toInstant().isAfter(now) || session.attended();
      if (!isDue) {
        continue;
      }
      due++;
      switch (session.status()) {
        case ATTENDED -> attended++;
        case MISSED -> missed++;
        case CANCELLED -> cancelledByPatient++;
        default -> unrecorded++;
      }
    }
    for (OffsetDateTime planned : snapshot.plannedSessionTimes()) {
      if (planned.toInstant().isAfter(now)) {
        continue;
      }
      LocalDate day = day(planned, clock);
      Integer records = recordedPerDay.get(day);
      if (records != null && records > 0) {
        recordedPerDay.put(day, records - 1);
      } else {
        due++;
        unrecorded++;
      }
    }
    double share = due == 0 ? 0.0 : (double) attended / due;
    return new Attendance(due, attended, missed, cancelled, cancelledByPatient, unrecorded, share);
  }

  private static LocalDate day(OffsetDateTime at, Clock clock) {
    return at.atZoneSameInstant(clock.getZone()).toLocalDate();
  }
}
