package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A concrete session on the schedule: when it starts, how long it lasts (PLAN-5) and which phase
 * (by position) it belongs to, from which it takes techniques and target regions.
 */
@Embeddable
public class PlannedSession {

  @Column(name = "starts_at", nullable = false)
  private OffsetDateTime startsAt;

  @Column(name = "minutes", nullable = false)
  private int minutes;

  @Column(name = "phase_index", nullable = false)
  private int phaseIndex;

  protected PlannedSession() {}

  public static PlannedSession of(OffsetDateTime startsAt, int minutes, int phaseIndex) {
    PlannedSession session = new PlannedSession();
    session.startsAt = InvalidValueException.required("startsAt", startsAt, "a date-time");
    CarePolicy.checkSessionMinutes(minutes);
    session.minutes = minutes;
    if (phaseIndex < 0) {
      throw new InvalidValueException("phaseIndex", phaseIndex, "0 or more");
    }
    session.phaseIndex = phaseIndex;
    return session;
  }

  public OffsetDateTime startsAt() {
    return startsAt;
  }

  public int minutes() {
    return minutes;
  }

  public int phaseIndex() {
    return phaseIndex;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PlannedSession that
        && startsAt.isEqual(that.startsAt)
        && minutes == that.minutes
        && phaseIndex == that.phaseIndex;
  }

  @Override
  public int hashCode() {
    return Objects.hash(startsAt.toInstant(), minutes, phaseIndex);
  }
}
