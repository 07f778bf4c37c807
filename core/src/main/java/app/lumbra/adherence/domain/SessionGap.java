package app.lumbra.adherence.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * ADH-2: a stretch between attended sessions longer than the threshold allows.
 *
 * @param to the next attended session, or null while the gap is still open
 */
public record SessionGap(
    OffsetDateTime from, OffsetDateTime to, Duration length, Duration plannedInterval) {

  public boolean ongoing() {
    return to == null;
  }

  public Optional<OffsetDateTime> until() {
    return Optional.ofNullable(to);
  }

  /** How many planned intervals the gap spans. */
  public double intervals() {
    return (double) length.toMinutes() / plannedInterval.toMinutes();
  }
}
