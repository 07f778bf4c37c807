package app.lumbra.progress.domain;

import app.lumbra.adherence.domain.AdherenceAnalysis;
import app.lumbra.adherence.domain.AdherenceFlag;
import app.lumbra.adherence.domain.AdherenceReport;
import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.adherence.domain.GapPolicy;
import app.lumbra.adherence.domain.SessionGap;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Progress analysis of a care plan (PROG-1..7, with ADH-1..3): a pure function of a snapshot, the
 * thresholds and a clock. Each finding comes from the policy class of its rule.
 */
public final class ProgressAnalysis {

  // Old gaps stay in the adherence figures; only those of the current week are worth an alert.
  private static final Duration RECENT_GAP = Duration.ofDays(PainLevel.WINDOW_DAYS);

  private ProgressAnalysis() {}

  public static ProgressReport analyse(
      ProgressSnapshot everything,
      ProgressThresholds thresholds,
      AdherenceThresholds adherenceThresholds,
      Clock clock) {
    ProgressSnapshot snapshot = everything.knownAt(clock.instant());
    AdherenceReport adherence =
        AdherenceAnalysis.analyse(snapshot.forAdherence(), adherenceThresholds, clock);
    List<SessionFact> attended = snapshot.attendedSessions();

    List<SessionEffect> effects = SessionEffects.of(attended);
    TrendSeries trend =
        new TrendSeries(
            attended.stream()
                .map(
                    s ->
                        new SessionPainPoint(
                            s.sessionId(),
                            s.attendedAt(),
                            s.pre().map(p -> p.value()).orElse(null),
                            s.post().map(p -> p.value()).orElse(null)))
                .toList(),
            PainLevel.dailyMeans(snapshot.painReadings(), clock.getZone()));
    Optional<PainComparison> comparison = PainLevel.compare(snapshot, thresholds, clock);
    OptionalDouble baseline =
        PainLevel.mean(
            snapshot.painReadings(),
            snapshot.planStart(),
            snapshot.planStart().plusDays(PainLevel.WINDOW_DAYS - 1L),
            clock.getZone());
    EarlyResponse early = EarlyResponsePolicy.assess(attended, baseline, thresholds);
    OptionalDouble slope = PlateauPolicy.slopePerWeek(snapshot, clock);
    boolean plateau = PlateauPolicy.isPlateau(comparison, slope, thresholds);
    boolean nonResponder = NonResponsePolicy.isNonResponder(snapshot, comparison, clock);
    boolean gapOpen = adherence.hasOngoingGap();

    List<ProgressAlert> alerts = new ArrayList<>();
    alerts.addAll(
        RedFlagPolicy.alerts(
            snapshot, comparison, snapshot.sessionsStopped() || gapOpen, thresholds, clock));
    NonResponsePolicy.alert(snapshot, comparison, clock).ifPresent(alerts::add);
    PlateauPolicy.alert(snapshot, plateau, slope).ifPresent(alerts::add);
    FadingPolicy.alert(snapshot, gapOpen, thresholds, clock).ifPresent(alerts::add);
    alerts.addAll(recentGapAlerts(adherence, clock));
    // SAFE-4: red flags first, then reviews, then suggestions; the rule order within each.
    alerts.sort(Comparator.comparing(ProgressAlert::severity));

    return new ProgressReport(
        snapshot.carePlanId(),
        OffsetDateTime.now(clock),
        ProgressClassifier.classify(comparison, early, plateau, nonResponder),
        effects,
        trend,
        comparison.orElse(null),
        early,
        slope.isPresent() ? slope.getAsDouble() : null,
        adherence,
        alerts);
  }

  private static List<ProgressAlert> recentGapAlerts(AdherenceReport adherence, Clock clock) {
    OffsetDateTime recent = OffsetDateTime.now(clock).minus(RECENT_GAP);
    List<ProgressAlert> alerts = new ArrayList<>();
    for (SessionGap gap : adherence.gaps()) {
      if (gap.ongoing() || gap.to().isAfter(recent)) {
        AdherenceFlag flag = GapPolicy.flag(gap);
        alerts.add(
            new ProgressAlert(flag.ruleId(), NextStep.KEEP_SESSIONS_REGULAR, flag.message()));
      }
    }
    return alerts;
  }
}
