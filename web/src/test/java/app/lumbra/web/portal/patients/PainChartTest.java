package app.lumbra.web.portal.patients;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.progress.domain.Classification;
import app.lumbra.progress.domain.PainComparison;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.progress.domain.SessionPainPoint;
import app.lumbra.progress.domain.TrendSeries;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PainChartTest {

  private static final OffsetDateTime DAY_1 =
      OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

  private static ProgressReport report(PainComparison comparison) {
    return new ProgressReport(
        "plan",
        DAY_1.plusDays(14),
        Classification.IMPROVING,
        List.of(),
        new TrendSeries(
            List.of(
                new SessionPainPoint("s1", DAY_1, 6, 4),
                new SessionPainPoint("s2", DAY_1.plusDays(7), 4, 2)),
            List.of()),
        comparison,
        null,
        null,
        null,
        List.of());
  }

  @Test
  void sessionPainAndOtherReportsArePlottedByDay() {
    ObservationView diary =
        new ObservationView(
            "o1",
            "patient",
            "plan",
            null,
            ObservationCode.PAIN,
            PainScore.of(5),
            ReadingContext.DIARY,
            ReadingSource.HOME_DIARY,
            DAY_1.plusDays(3),
            DAY_1,
            0,
            false);
    JsonObject chart =
        parse(
            PainChart.json(
                report(null), List.of(diary), ProgressThresholds.defaults(), ZoneOffset.UTC));
    assertThat(chart.getJsonArray("labels").toString())
        .isEqualTo("[\"2026-03-02\",\"2026-03-05\",\"2026-03-09\"]");
    assertThat(chart.getJsonArray("pre")).hasSize(2);
    assertThat(chart.getJsonArray("post").getJsonObject(1).getInt("y")).isEqualTo(2);
    assertThat(chart.getJsonArray("other").getJsonObject(0).getString("x")).isEqualTo("2026-03-05");
    assertThat(chart.containsKey("baseline")).isFalse();
  }

  @Test
  void theBandSpansChangesThatAreNotYetClinicallyImportant() {
    // PROG-2: a drop of 2 points or 30 %, whichever is smaller, is important; a rise of 2 points.
    JsonObject high =
        parse(
            PainChart.json(
                report(new PainComparison(6, 3, -3, -50, true, false)),
                List.of(),
                ProgressThresholds.defaults(),
                ZoneOffset.UTC));
    assertThat(high.getJsonNumber("bandLow").doubleValue()).isEqualTo(4.2);
    assertThat(high.getJsonNumber("bandHigh").doubleValue()).isEqualTo(8.0);
    JsonObject low =
        parse(
            PainChart.json(
                report(new PainComparison(3, 2, -1, -33, true, false)),
                List.of(),
                ProgressThresholds.defaults(),
                ZoneOffset.UTC));
    assertThat(low.getJsonNumber("bandLow").doubleValue()).isEqualTo(2.1);
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
