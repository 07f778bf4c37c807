package app.lumbra.progress.domain;

import app.lumbra.observation.domain.LegPain;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One shooting-leg-pain reading with when it was taken. */
public record LegPainReading(OffsetDateTime at, LegPain legPain) {
  public LegPainReading {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(legPain, "legPain");
  }
}
