package app.lumbra.progress.domain;

import app.lumbra.adherence.domain.ScheduledSession;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.session.domain.SessionStatus;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A treatment session as progress analysis sees it.
 *
 * @param performedAt null unless attended
 * @param prePain null when not recorded
 * @param postPain null when not recorded
 * @param cancelledByPatient a cancellation the patient asked for (ADH-1)
 */
public record SessionFact(
    String sessionId,
    OffsetDateTime scheduledAt,
    SessionStatus status,
    OffsetDateTime performedAt,
    PainScore prePain,
    PainScore postPain,
    boolean cancelledByPatient) {

  public SessionFact {
    Objects.requireNonNull(scheduledAt, "scheduledAt");
    Objects.requireNonNull(status, "status");
  }

  /** A session not cancelled by the patient. */
  public SessionFact(
      String sessionId,
      OffsetDateTime scheduledAt,
      SessionStatus status,
      OffsetDateTime performedAt,
      PainScore prePain,
      PainScore postPain) {
    this(sessionId, scheduledAt, status, performedAt, prePain, postPain, false);
  }

  public boolean attended() {
    return status == SessionStatus.ATTENDED;
  }

  public OffsetDateTime attendedAt() {
    return performedAt == null ? scheduledAt : performedAt;
  }

  public Optional<PainScore> pre() {
    return Optional.ofNullable(prePain);
  }

  public Optional<PainScore> post() {
    return Optional.ofNullable(postPain);
  }

  ScheduledSession forAdherence() {
    return new ScheduledSession(sessionId, scheduledAt, status, performedAt, cancelledByPatient);
  }
}
