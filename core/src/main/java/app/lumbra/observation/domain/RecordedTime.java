package app.lumbra.observation.domain;

import app.lumbra.shared.InvalidValueException;
import java.time.Clock;
import java.time.OffsetDateTime;

/** OBS-4 for time: the one place that rejects missing and future-dated clinical times. */
public final class RecordedTime {

  private RecordedTime() {}

  /**
   * Returns {@code value} when it is present and not after now by {@code clock}; a reading of
   * something that has not happened yet is a data-entry error, not a plan.
   */
  public static OffsetDateTime notInFuture(String field, OffsetDateTime value, Clock clock) {
    InvalidValueException.required(field, value, "a date-time with offset, not in the future");
    if (value.toInstant().isAfter(clock.instant())) {
      throw new InvalidValueException(
          field, value, "a date-time not after now (" + OffsetDateTime.now(clock) + ")");
    }
    return value;
  }
}
