package app.lumbra.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a journey moves forward, so that one set of services lives through weeks of care. */
public final class MovableClock extends Clock {

  private Instant now;
  private final ZoneId zone;

  public MovableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MovableClock(now, other);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
