package app.lumbra.progress.domain;

import app.lumbra.adherence.domain.AdherenceSnapshot;
import app.lumbra.adherence.domain.HomeCareDay;
import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.adherence.domain.StoppedPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything progress analysis looks at for one care plan, gathered beforehand so that the analysis
 * is a pure function.
 *
 * @param currentPhase code of the phase the plan is in now ({@code INITIAL}, {@code TAPER}, {@code
 *     MAINTENANCE}), or null if unknown
 * @param sessionsStopped whether the plan no longer schedules sessions (completed, on hold)
 * @param plannedSessionTimes the care plan's own session dates
 */
public record ProgressSnapshot(
    String carePlanId,
    LocalDate planStart,
    List<PlannedPhase> phases,
    String currentPhase,
    boolean sessionsStopped,
    List<SessionFact> sessions,
    List<OffsetDateTime> plannedSessionTimes,
    List<PainReading> painReadings,
    List<LegPainReading> legPainReadings,
    List<String> homeCareTaskIds,
    List<HomeCareDay> homeCare,
    List<StoppedPeriod> stoppedPeriods) {

  /** A plan that was never stopped. */
  public ProgressSnapshot(
      String carePlanId,
      LocalDate planStart,
      List<PlannedPhase> phases,
      String currentPhase,
      boolean sessionsStopped,
      List<SessionFact> sessions,
      List<OffsetDateTime> plannedSessionTimes,
      List<PainReading> painReadings,
      List<LegPainReading> legPainReadings,
      List<String> homeCareTaskIds,
      List<HomeCareDay> homeCare) {
    this(
        carePlanId,
        planStart,
        phases,
        currentPhase,
        sessionsStopped,
        sessions,
        plannedSessionTimes,
        painReadings,
        legPainReadings,
        homeCareTaskIds,
        homeCare,
        List.of());
  }

  public ProgressSnapshot {
    stoppedPeriods = stoppedPeriods == null ? List.of() : List.copyOf(stoppedPeriods);
    Objects.requireNonNull(carePlanId, "carePlanId");
    Objects.requireNonNull(planStart, "planStart");
    phases = List.copyOf(phases);
    sessions =
        sessions.stream()
            .sorted(Comparator.comparing(session -> session.attendedAt().toInstant()))
            .toList();
    plannedSessionTimes = List.copyOf(plannedSessionTimes);
    painReadings =
        painReadings.stream().sorted(Comparator.comparing(r -> r.at().toInstant())).toList();
    legPainReadings =
        legPainReadings.stream().sorted(Comparator.comparing(r -> r.at().toInstant())).toList();
    homeCareTaskIds = List.copyOf(homeCareTaskIds);
    homeCare = List.copyOf(homeCare);
  }

  /** Attended sessions in the order they happened. */
  public List<SessionFact> attendedSessions() {
    return sessions.stream().filter(SessionFact::attended).toList();
  }

  /** The initial phase (PLAN-2), if the plan has one. */
  public Optional<PlannedPhase> initialPhase() {
    return phases.stream().filter(PlannedPhase::isInitial).findFirst();
  }

  public Optional<String> currentPhaseCode() {
    return Optional.ofNullable(currentPhase);
  }

  public AdherenceSnapshot forAdherence() {
    return new AdherenceSnapshot(
        planStart,
        phases,
        sessions.stream().map(SessionFact::forAdherence).toList(),
        plannedSessionTimes,
        sessionsStopped,
        homeCareTaskIds,
        homeCare,
        stoppedPeriods);
  }

  /**
   * The snapshot as it was known at {@code now}: readings and home care of later times are left
   * out, so that a report for a past day (or a reading with a clock running ahead) reads the same
   * as it did then. Sessions stay, because adherence needs the ones still to come.
   */
  public ProgressSnapshot knownAt(Instant now) {
    return new ProgressSnapshot(
        carePlanId,
        planStart,
        phases,
        currentPhase,
        sessionsStopped,
        sessions.stream()
            .filter(s -> !s.attended() || !s.attendedAt().toInstant().isAfter(now))
            .toList(),
        plannedSessionTimes,
        painReadings.stream().filter(r -> !r.at().toInstant().isAfter(now)).toList(),
        legPainReadings.stream().filter(r -> !r.at().toInstant().isAfter(now)).toList(),
        homeCareTaskIds,
        homeCare,
        stoppedPeriods);
  }
}
