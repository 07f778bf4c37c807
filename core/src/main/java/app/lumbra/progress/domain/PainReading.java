package app.lumbra.progress.domain;

import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One pain score with when and in which context it was taken. */
public record PainReading(OffsetDateTime at, PainScore score, ReadingContext context) {
  public PainReading {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(context, "context");
  }

  /**
   * Post-session scores measure the immediate relief of a session (PROG-1); they are left out of
   * the pain level (PROG-2) so that the level does not depend on how often the patient just came
   * off the table.
   */
  public boolean countsTowardsPainLevel() {
    return context != ReadingContext.POST_SESSION;
  }
}
