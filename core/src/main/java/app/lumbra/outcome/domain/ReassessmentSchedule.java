package app.lumbra.outcome.domain;

import app.lumbra.adherence.domain.PlannedPhase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * OUT-2 Reassessment: due at the 3rd session, at the end of the initial phase, and every 6 weeks
 * (default) after that. A reassessment done from {@code graceDays} before a due day on satisfies
 * it; a point not satisfied {@code graceDays} after its day is overdue, which is an alert.
 */
public final class ReassessmentSchedule {

  public static final String RULE = "OUT-2";

  /** The session at which the first reassessment is due. */
  public static final int AT_SESSION = 3;

  /** An initial phase without an end is judged after the longest initial phase of PLAN-3. */
  static final int OPEN_INITIAL_WEEKS = 6;

  private ReassessmentSchedule() {}

  /**
   * The plan's reassessment points up to and including the next one after today, oldest first.
   *
   * @param attended the times of the attended sessions
   * @param planned the plan's own session times (the 3rd is due then while fewer were attended)
   * @param done the times reassessments were completed
   */
  public static List<ReassessmentDue> schedule(
      LocalDate planStart,
      List<PlannedPhase> phases,
      List<OffsetDateTime> attended,
      List<OffsetDateTime> planned,
      List<OffsetDateTime> done,
      OutcomeThresholds thresholds,
      LocalDate today,
      ZoneId zone) {
    List<Point> points = new ArrayList<>();
    thirdSession(attended, planned, zone)
        .ifPresent(day -> points.add(new Point(day, "at the " + AT_SESSION + "rd session")));
    LocalDate endOfInitial = endOfInitial(planStart, phases);
    points.add(new Point(endOfInitial, "at the end of the initial phase"));
    LocalDate next = endOfInitial.plusWeeks(thresholds.reassessmentWeeks());
    while (!next.isAfter(today.plusWeeks(thresholds.reassessmentWeeks()))) {
      points.add(
          new Point(
              next,
              thresholds.reassessmentWeeks() + "-weekly reassessment after the initial phase"));
      if (next.isAfter(today)) {
        break;
      }
      next = next.plusWeeks(thresholds.reassessmentWeeks());
    }
    points.sort(Comparator.comparing(Point::day));
    List<LocalDate> completed =
        done.stream().map(time -> time.atZoneSameInstant(zone).toLocalDate()).sorted().toList();
    List<ReassessmentDue> schedule = new ArrayList<>();
    for (Point point : points) {
      LocalDate windowOpens = point.day().minusDays(thresholds.reassessmentGraceDays());
      Optional<LocalDate> satisfiedBy =
          completed.stream().filter(day -> !day.isBefore(windowOpens)).findFirst();
      ReassessmentStatus status;
      if (satisfiedBy.isPresent()) {
        status = ReassessmentStatus.DONE;
      } else if (today.isBefore(point.day())) {
        status = ReassessmentStatus.UPCOMING;
      } else if (!today.isAfter(point.day().plusDays(thresholds.reassessmentGraceDays()))) {
        status = ReassessmentStatus.DUE;
      } else {
        status = ReassessmentStatus.OVERDUE;
      }
      schedule.add(
          new ReassessmentDue(point.day(), point.reason(), status, satisfiedBy.orElse(null)));
    }
    return schedule;
  }

  /** The day of the 3rd attended session, or of the 3rd planned one while fewer were attended. */
  static Optional<LocalDate> thirdSession(
      List<OffsetDateTime> attended, List<OffsetDateTime> planned, ZoneId zone) {
    List<OffsetDateTime> source = attended.size() >= AT_SESSION ? attended : planned;
    List<OffsetDateTime> sorted =
        source.stream().sorted(Comparator.comparing(OffsetDateTime::toInstant)).toList();
    if (sorted.size() < AT_SESSION) {
      return Optional.empty();
    }
    return Optional.of(sorted.get(AT_SESSION - 1).atZoneSameInstant(zone).toLocalDate());
  }

  /** The day after the initial phase's last day, or 6 weeks from its start when it is open. */
  static LocalDate endOfInitial(LocalDate planStart, List<PlannedPhase> phases) {
    Optional<PlannedPhase> initial = phases.stream().filter(PlannedPhase::isInitial).findFirst();
    LocalDate start = initial.map(PlannedPhase::start).orElse(planStart);
    return initial
        .flatMap(PlannedPhase::endDay)
        .map(end -> end.plusDays(1))
        .orElse(start.plusWeeks(OPEN_INITIAL_WEEKS));
  }

  private record Point(LocalDate day, String reason) {}
}
