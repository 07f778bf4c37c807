package app.lumbra.outcome.domain;

import app.lumbra.progress.domain.ProgressReport;
import java.util.List;
import java.util.Optional;

/**
 * The outcomes of one care plan as of a moment: every measure's trend (OUT-1) with the ones that
 * improved or worsened named, the reassessment points (OUT-2), the discharge suggestions (OUT-3)
 * and the maintenance review (OUT-4). Carries the progress report it was built on.
 *
 * @param maintenanceReview null while no review is reached
 */
public record OutcomeReport(
    ProgressReport progress,
    List<MeasureTrend> measures,
    List<ReassessmentDue> reassessments,
    List<DischargeSuggestion> dischargeSuggestions,
    MaintenanceReview maintenanceReview) {

  public OutcomeReport {
    measures = List.copyOf(measures);
    reassessments = List.copyOf(reassessments);
    dischargeSuggestions = List.copyOf(dischargeSuggestions);
  }

  public String carePlanId() {
    return progress.carePlanId();
  }

  public List<TrackedMeasure> improved() {
    return measures.stream().filter(MeasureTrend::improved).map(MeasureTrend::measure).toList();
  }

  public List<TrackedMeasure> worsened() {
    return measures.stream().filter(MeasureTrend::worsened).map(MeasureTrend::measure).toList();
  }

  /** OUT-1: which measures improved and which worsened, in one sentence. */
  public String summary() {
    List<TrackedMeasure> better = improved();
    List<TrackedMeasure> worse = worsened();
    if (better.isEmpty() && worse.isEmpty()) {
      boolean anyCompared =
          measures.stream().anyMatch(trend -> trend.direction() != Direction.NOT_ENOUGH_DATA);
      return anyCompared
          ? "No measure has changed by a clinically important amount yet."
          : "Not enough readings yet to compare any measure with its baseline.";
    }
    StringBuilder text = new StringBuilder();
    if (!better.isEmpty()) {
      text.append("Improved: ").append(labels(better)).append('.');
    }
    if (!worse.isEmpty()) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append("Worse: ").append(labels(worse)).append('.');
    }
    return text.toString();
  }

  public Optional<MeasureTrend> trend(TrackedMeasure measure) {
    return measures.stream().filter(trend -> trend.measure() == measure).findFirst();
  }

  /**
   * OUT-2: the latest reassessment point that is due or overdue now. One reassessment satisfies it
   * and every earlier one, so older open points add nothing to ask for.
   */
  public Optional<ReassessmentDue> openReassessment() {
    return reassessments.stream().filter(ReassessmentDue::isOpen).reduce((first, later) -> later);
  }

  public Optional<ReassessmentDue> nextReassessment() {
    return reassessments.stream()
        .filter(due -> due.status() == ReassessmentStatus.UPCOMING)
        .findFirst();
  }

  public Optional<MaintenanceReview> maintenance() {
    return Optional.ofNullable(maintenanceReview);
  }

  private static String labels(List<TrackedMeasure> measures) {
    return String.join(", ", measures.stream().map(TrackedMeasure::label).toList());
  }
}
