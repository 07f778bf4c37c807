package app.lumbra.outcome.domain;

import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.progress.domain.SessionPainPoint;
import app.lumbra.safety.domain.AlertKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Outcome analysis of a care plan (OUT-1..OUT-4): a pure function of the progress report, a
 * snapshot, the thresholds and a clock. Each finding comes from the policy class of its rule.
 */
public final class OutcomeAnalysis {

  private OutcomeAnalysis() {}

  public static OutcomeReport analyse(
      ProgressReport progress,
      OutcomeSnapshot snapshot,
      ProgressThresholds painThresholds,
      OutcomeThresholds thresholds,
      Clock clock) {
    LocalDate today = LocalDate.now(clock);
    List<MeasurePoint> known =
        snapshot.points().stream()
            .filter(point -> !point.at().toInstant().isAfter(clock.instant()))
            .toList();
    List<MeasureTrend> trends =
        MeasureTrends.of(known, progress.comparison(), painThresholds, thresholds, clock.getZone());
    List<SessionPainPoint> attended = progress.trend().sessions();
    List<OffsetDateTime> attendedTimes =
        attended.stream().map(SessionPainPoint::performedAt).toList();
    List<ReassessmentDue> reassessments =
        snapshot.open()
            ? ReassessmentSchedule.schedule(
                snapshot.planStart(),
                snapshot.phases(),
                attendedTimes,
                snapshot.plannedSessionTimes(),
                snapshot.reassessments(),
                thresholds,
                today,
                clock.getZone())
            : List.of();
    Optional<MaintenanceReview> maintenance =
        snapshot.open()
            ? MaintenanceReviewPolicy.review(
                snapshot.phases(),
                attended,
                snapshot.pain().stream()
                    .filter(reading -> !reading.at().toInstant().isAfter(clock.instant()))
                    .toList(),
                snapshot.reassessments(),
                snapshot.maintenanceRangeWeeks(),
                painThresholds.importantChangePoints(),
                thresholds,
                today,
                clock.getZone())
            : Optional.empty();
    List<DischargeSuggestion> discharge =
        DischargePolicy.suggestions(
            snapshot.open(), progress, trends, snapshot.goalPainTargets(), maintenance, thresholds);
    return new OutcomeReport(progress, trends, reassessments, discharge, maintenance.orElse(null));
  }

  /**
   * The alerts of a report: the latest open reassessment point, due as information, overdue as a
   * review (OUT-2); a due maintenance review not yet done (OUT-4) and each discharge suggestion
   * (OUT-3) are reviews.
   */
  public static List<OutcomeAlert> alerts(OutcomeReport report) {
    List<OutcomeAlert> alerts = new ArrayList<>();
    report
        .openReassessment()
        .ifPresent(
            due -> {
              boolean overdue = due.status() == ReassessmentStatus.OVERDUE;
              alerts.add(
                  new OutcomeAlert(
                      ReassessmentSchedule.RULE,
                      overdue ? AlertKind.REVIEW : AlertKind.INFO,
                      (overdue ? "reassessment-overdue:" : "reassessment-due:") + due.dueOn(),
                      overdue ? "Reassessment overdue" : "Reassessment due",
                      "A reassessment "
                          + (overdue ? "was" : "is")
                          + " due on "
                          + due.dueOn()
                          + " ("
                          + due.reason()
                          + "): record pain, function (ODI or RMDQ) and the red-flag screen."));
            });
    report
        .maintenance()
        .filter(review -> !review.done())
        .ifPresent(
            review ->
                alerts.add(
                    new OutcomeAlert(
                        MaintenanceReviewPolicy.RULE,
                        AlertKind.REVIEW,
                        "maintenance-review:" + review.dueOn(),
                        "Maintenance review: continue, change the interval or stop?",
                        "Maintenance has run for another review period (due "
                            + review.dueOn()
                            + "). "
                            + review.explanation())));
    for (DischargeSuggestion suggestion : report.dischargeSuggestions()) {
      alerts.add(
          new OutcomeAlert(
              DischargePolicy.RULE,
              AlertKind.REVIEW,
              "discharge:" + suggestion.reason(),
              "Consider discharge: " + suggestion.reason().text(),
              suggestion.explanation() + "."));
    }
    return alerts;
  }
}
