package app.lumbra.export.domain;

import app.lumbra.shared.InvalidValueException;
import java.time.Duration;

/**
 * How long the files of a finished export are kept: from one minute to thirty days. Exports hold
 * whole populations' data, so they are kept only as long as a client needs to fetch them.
 */
public record ExportRetention(Duration keep) {

  private static final Duration SHORTEST = Duration.ofMinutes(1);
  private static final Duration LONGEST = Duration.ofDays(30);

  public ExportRetention {
    if (keep == null || keep.compareTo(SHORTEST) < 0 || keep.compareTo(LONGEST) > 0) {
      throw new InvalidValueException("lumbra.bulk.retention-minutes", keep, "1 to 43200 minutes");
    }
  }

  public static ExportRetention ofMinutes(long minutes) {
    if (minutes < 1 || minutes > LONGEST.toMinutes()) {
      throw new InvalidValueException(
          "lumbra.bulk.retention-minutes", minutes, "1 to " + LONGEST.toMinutes() + " minutes");
    }
    return new ExportRetention(Duration.ofMinutes(minutes));
  }
}
