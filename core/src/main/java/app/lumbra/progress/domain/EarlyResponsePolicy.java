package app.lumbra.progress.domain;

import app.lumbra.observation.domain.PainScore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * PROG-3 Early response: relief is expected within days to weeks, so after the first 3 sessions the
 * plan says whether the patient is an early responder.
 */
public final class EarlyResponsePolicy {

  public static final int SESSIONS = 3;

  private EarlyResponsePolicy() {}

  /**
   * Compares the pain the patient arrived with at the 1st session with the pain they arrive with at
   * the 3rd: the pre-session score shows what lasted between sessions, not the immediate relief.
   * Falls back to the baseline level for the start and to the 3rd session's post score for the end
   * when a pre score was not recorded.
   */
  public static EarlyResponse assess(
      List<SessionFact> attended, OptionalDouble baseline, ProgressThresholds thresholds) {
    if (attended.size() < SESSIONS) {
      return EarlyResponse.TOO_EARLY;
    }
    SessionFact first = attended.get(0);
    SessionFact third = attended.get(SESSIONS - 1);
    OptionalDouble start = first.pre().map(p -> OptionalDouble.of(p.value())).orElse(baseline);
    Optional<PainScore> end = third.pre().or(third::post);
    if (start.isEmpty() || end.isEmpty()) {
      return EarlyResponse.UNKNOWN;
    }
    return ClinicallyImportantChange.isImprovement(
            start.getAsDouble(), end.get().value(), thresholds)
        ? EarlyResponse.EARLY_RESPONDER
        : EarlyResponse.NOT_YET;
  }
}
