package app.lumbra.progress.domain;

import java.util.List;

/** PROG-2 trend series: per session pre/post pain and the daily mean pain level. */
public record TrendSeries(List<SessionPainPoint> sessions, List<DailyPain> daily) {
  public TrendSeries {
    sessions = List.copyOf(sessions);
    daily = List.copyOf(daily);
  }
}
