package app.lumbra.adherence.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything adherence analysis looks at, gathered beforehand so the analysis stays pure.
 *
 * @param plannedSessionTimes the care plan's own session dates, which may not all have a session
 *     record yet
 * @param sessionsStopped whether the plan no longer schedules sessions (completed, on hold)
 * @param homeCareTaskIds the plan's home-care tasks (PLAN-9)
 * @param stoppedPeriods times the plan was on hold, completed or revoked (ADH-3 leaves them out)
 */
public record AdherenceSnapshot(
    LocalDate planStart,
    List<PlannedPhase> phases,
    List<ScheduledSession> sessions,
    List<OffsetDateTime> plannedSessionTimes,
    boolean sessionsStopped,
    List<String> homeCareTaskIds,
    List<HomeCareDay> homeCare,
    List<StoppedPeriod> stoppedPeriods) {

  /** A plan that was never stopped. */
  public AdherenceSnapshot(
      LocalDate planStart,
      List<PlannedPhase> phases,
      List<ScheduledSession> sessions,
      List<OffsetDateTime> plannedSessionTimes,
      boolean sessionsStopped,
      List<String> homeCareTaskIds,
      List<HomeCareDay> homeCare) {
    this(
        planStart,
        phases,
        sessions,
        plannedSessionTimes,
        sessionsStopped,
        homeCareTaskIds,
        homeCare,
        List.of());
  }

  public AdherenceSnapshot {
    stoppedPeriods = stoppedPeriods == null ? List.of() : List.copyOf(stoppedPeriods);
    Objects.requireNonNull(planStart, "planStart");
    phases = List.copyOf(phases);
    sessions = List.copyOf(sessions);
    plannedSessionTimes = List.copyOf(plannedSessionTimes);
    homeCareTaskIds = List.copyOf(homeCareTaskIds);
    homeCare = List.copyOf(homeCare);
  }

  /**
   * The phase in effect on {@code day}: the latest one that has started by then and covers it, else
   * the latest started one, else the first.
   */
  public Optional<PlannedPhase> phaseOn(LocalDate day) {
    Comparator<PlannedPhase> byStart = Comparator.comparing(PlannedPhase::start);
    Optional<PlannedPhase> covering = phases.stream().filter(p -> p.covers(day)).max(byStart);
    if (covering.isPresent()) {
      return covering;
    }
    Optional<PlannedPhase> started =
        phases.stream().filter(p -> !p.start().isAfter(day)).max(byStart);
    return started.isPresent() ? started : phases.stream().min(byStart);
  }
}
