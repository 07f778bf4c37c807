package app.lumbra.adherence.domain;

import java.time.Clock;
import java.util.List;

/** Adherence analysis (ADH-1..3): pure, over a snapshot, with the time taken from a clock. */
public final class AdherenceAnalysis {

  private AdherenceAnalysis() {}

  public static AdherenceReport analyse(
      AdherenceSnapshot snapshot, AdherenceThresholds thresholds, Clock clock) {
    Attendance attendance = AttendancePolicy.attendance(snapshot, clock);
    List<SessionGap> gaps = GapPolicy.flaggedGaps(snapshot, thresholds, clock);
    List<HomeCareAdherence> homeCare = HomeCarePolicy.perTask(snapshot, clock);
    List<AdherenceFlag> flags = gaps.stream().map(GapPolicy::flag).toList();
    return new AdherenceReport(attendance, gaps, homeCare, flags);
  }
}
