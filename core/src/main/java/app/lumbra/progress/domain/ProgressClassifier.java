package app.lumbra.progress.domain;

import java.util.Optional;

/**
 * One word for where the patient stands. The order says which finding wins: a rise above the start
 * (PROG-6) over non-response (PROG-5) over plateau (PROG-4) over improvement (PROG-2) over early
 * response (PROG-3).
 */
public final class ProgressClassifier {

  private ProgressClassifier() {}

  public static Classification classify(
      Optional<PainComparison> comparison,
      EarlyResponse earlyResponse,
      boolean plateau,
      boolean nonResponder) {
    if (comparison.map(PainComparison::importantRise).orElse(false)) {
      return Classification.WORSENING;
    }
    if (nonResponder) {
      return Classification.NON_RESPONDER;
    }
    if (plateau) {
      return Classification.PLATEAU;
    }
    if (comparison.map(PainComparison::importantImprovement).orElse(false)) {
      return Classification.IMPROVING;
    }
    if (earlyResponse == EarlyResponse.EARLY_RESPONDER) {
      return Classification.EARLY_RESPONDER;
    }
    if (comparison.isPresent() || earlyResponse == EarlyResponse.NOT_YET) {
      return Classification.NOT_YET_IMPROVING;
    }
    return Classification.NOT_ENOUGH_DATA;
  }
}
