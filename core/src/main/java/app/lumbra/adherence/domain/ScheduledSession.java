package app.lumbra.adherence.domain;

import app.lumbra.session.domain.SessionStatus;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A session as adherence sees it: when it was due, what became of it, and when it happened.
 *
 * @param performedAt null unless attended
 * @param cancelledByPatient a cancellation the patient asked for (ADH-1), not the clinic
 */
public record ScheduledSession(
    String sessionId,
    OffsetDateTime scheduledAt,
    SessionStatus status,
    OffsetDateTime performedAt,
    boolean cancelledByPatient) {

  public ScheduledSession {
    Objects.requireNonNull(scheduledAt, "scheduledAt");
    Objects.requireNonNull(status, "status");
  }

  /** A session not cancelled by the patient. */
  public ScheduledSession(
      String sessionId,
      OffsetDateTime scheduledAt,
      SessionStatus status,
      OffsetDateTime performedAt) {
    this(sessionId, scheduledAt, status, performedAt, false);
  }

  public boolean attended() {
    return status == SessionStatus.ATTENDED;
  }

  /** When it happened, or when it was due if the time it happened is unknown. */
  public OffsetDateTime attendedAt() {
    return performedAt == null ? scheduledAt : performedAt;
  }

  public Optional<OffsetDateTime> performed() {
    return Optional.ofNullable(performedAt);
  }
}
