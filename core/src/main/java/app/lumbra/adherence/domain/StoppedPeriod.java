package app.lumbra.adherence.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A time the plan was not active (on hold, completed or revoked): ADH-3 does not count its days.
 *
 * @param until when the plan became active again; null while it still is not
 */
public record StoppedPeriod(OffsetDateTime from, OffsetDateTime until) {

  public StoppedPeriod {
    Objects.requireNonNull(from, "from");
  }

  /** Whether the plan was not active at any moment of {@code day}. */
  public boolean coversWholeDay(LocalDate day, ZoneId zone) {
    OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    return !from.isAfter(start) && (until == null || !until.isBefore(end));
  }
}
