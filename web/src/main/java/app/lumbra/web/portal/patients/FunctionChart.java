package app.lumbra.web.portal.patients;

import app.lumbra.outcome.domain.MeasurePoint;
import app.lumbra.outcome.domain.MeasureTrend;
import app.lumbra.outcome.domain.OutcomeReport;
import app.lumbra.outcome.domain.TrackedMeasure;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * The data of the function chart (OUT-1) as JSON for {@code portal.js}: Oswestry (0–100) and
 * Roland–Morris (0–24) by day, each with its baseline and the band of changes that are not yet
 * clinically important, drawn next to the pain chart, and pain medication doses a day. Points the
 * patient reported say so (OUT-5).
 */
public final class FunctionChart {

  private static final JsonProvider JSON = JsonProvider.provider();

  private FunctionChart() {}

  public static String json(OutcomeReport report, ZoneId zone) {
    TreeSet<String> days = new TreeSet<>();
    JsonObjectBuilder chart = JSON.createObjectBuilder();
    series(chart, "odi", report, TrackedMeasure.OSWESTRY, 100, days, zone);
    series(chart, "rmdq", report, TrackedMeasure.ROLAND_MORRIS, 24, days, zone);
    // OUT-5: medication use is trended beside function (the seeds: massage may reduce it).
    series(chart, "med", report, TrackedMeasure.MEDICATION_USE, 20, days, zone);
    return chart.add("labels", JSON.createArrayBuilder(List.copyOf(days))).build().toString();
  }

  /** Whether either questionnaire was answered or medication use reported. */
  public static boolean hasData(OutcomeReport report) {
    return report.measures().stream()
        .anyMatch(
            trend ->
                (trend.measure().isFunction() || trend.measure() == TrackedMeasure.MEDICATION_USE)
                    && !trend.points().isEmpty());
  }

  private static void series(
      JsonObjectBuilder chart,
      String key,
      OutcomeReport report,
      TrackedMeasure measure,
      int max,
      TreeSet<String> days,
      ZoneId zone) {
    MeasureTrend trend = report.trend(measure).orElseThrow();
    JsonArrayBuilder points = JSON.createArrayBuilder();
    for (MeasurePoint point : trend.points()) {
      String day = point.at().atZoneSameInstant(zone).toLocalDate().toString();
      days.add(day);
      points.add(
          JSON.createObjectBuilder()
              .add("x", day)
              .add("y", point.value())
              .add("patient", point.patientReported()));
    }
    JsonObjectBuilder series = JSON.createObjectBuilder().add("points", points);
    if (trend.baseline() != null) {
      double baseline = trend.baseline();
      series
          .add("baseline", round(baseline))
          .add("bandLow", round(Math.max(0, baseline - trend.importantChange())))
          .add("bandHigh", round(Math.min(max, baseline + trend.importantRise())));
    }
    chart.add(key, series);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
