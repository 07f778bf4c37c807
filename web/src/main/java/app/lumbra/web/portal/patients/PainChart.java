package app.lumbra.web.portal.patients;

import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.progress.domain.PainComparison;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.progress.domain.SessionPainPoint;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * The data of the pain chart (OBS-1, PROG-1, PROG-2) as JSON for {@code portal.js}: one label per
 * day with a reading, pain before and after each session, the other pain reports, the baseline and
 * the band of changes that are not yet clinically important around it.
 */
public final class PainChart {

  /**
   * Looked up once. {@code Json.createObjectBuilder()} looks the provider up through the service
   * loader on every call, which was 7 % of the server's CPU for a chart page.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private PainChart() {}

  public static String json(
      ProgressReport report,
      List<ObservationView> observations,
      ProgressThresholds thresholds,
      ZoneId zone) {
    TreeSet<String> days = new TreeSet<>();
    JsonArrayBuilder pre = JSON.createArrayBuilder();
    JsonArrayBuilder post = JSON.createArrayBuilder();
    JsonArrayBuilder other = JSON.createArrayBuilder();
    for (SessionPainPoint point : report.trend().sessions()) {
      String day = day(point.performedAt(), zone);
      days.add(day);
      if (point.prePain() != null) {
        pre.add(point(day, point.prePain()));
      }
      if (point.postPain() != null) {
        post.add(point(day, point.postPain()));
      }
    }
    for (ObservationView reading : observations) {
      if (reading.code() == ObservationCode.PAIN
          && !reading.context().isSessionContext()
          && reading.reading() instanceof PainScore score) {
        String day = day(reading.effectiveAt(), zone);
        days.add(day);
        other.add(point(day, score.value()));
      }
    }
    JsonObjectBuilder chart =
        JSON.createObjectBuilder()
            .add("labels", JSON.createArrayBuilder(List.copyOf(days)))
            .add("pre", pre)
            .add("post", post)
            .add("other", other);
    PainComparison comparison = report.comparison();
    if (comparison != null) {
      double baseline = comparison.baseline();
      double importantDrop =
          Math.min(
              thresholds.importantChangePoints(),
              baseline * thresholds.importantDropPercent() / 100.0);
      chart
          .add("baseline", round(baseline))
          .add("current", round(comparison.current()))
          .add("bandLow", round(Math.max(0, baseline - importantDrop)))
          .add("bandHigh", round(Math.min(10, baseline + thresholds.importantChangePoints())));
    }
    return chart.build().toString();
  }

  /** Whether the chart has anything to draw. */
  public static boolean hasData(ProgressReport report, List<ObservationView> observations) {
    return !report.trend().sessions().isEmpty()
        || observations.stream()
            .anyMatch(
                o -> o.code() == ObservationCode.PAIN && o.context() != ReadingContext.PRE_SESSION);
  }

  private static JsonObjectBuilder point(String day, int value) {
    return JSON.createObjectBuilder().add("x", day).add("y", value);
  }

  private static String day(OffsetDateTime time, ZoneId zone) {
    LocalDate day = time.atZoneSameInstant(zone).toLocalDate();
    return day.toString();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
