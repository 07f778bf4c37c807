package app.lumbra.fhir.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** FHIR date search values as the ranges the repositories query (FHIR-3, FHIR-9). */
class DateRangesTest {

  private static DateRangeParam param(String value) {
    return new DateRangeParam(new DateParam(value));
  }

  private static DateRangeParam param(String lower, String upper) {
    return new DateRangeParam(new DateParam(lower), new DateParam(upper));
  }

  @Test
  void aDayAgainstAPointIsThatWholeDay() {
    var range = DateRanges.dates("date", param("2026-03-02"));
    assertThat(range).isEqualTo(new DateRanges.Range<>(date(3, 2), date(3, 3)));
  }

  @Test
  void startsAfterAndEndsBeforeAgainstAPointAreGreaterAndLessThan() {
    assertThat(DateRanges.dates("date", param("sa2026-03-02")))
        .isEqualTo(new DateRanges.Range<>(date(3, 3), null));
    assertThat(DateRanges.dates("date", param("eb2026-03-02")))
        .isEqualTo(new DateRanges.Range<>(null, date(3, 2)));
  }

  @Test
  void againstAPeriodFhir9ComparatorsOverlapWhileStartsAfterAndEndsBeforeBoundItsEnds() {
    var overlapping = DateRanges.periodDates("date", param("ge2026-03", "lt2026-05"));
    assertThat(overlapping.overlaps())
        .isEqualTo(new DateRanges.Range<>(date(3, 1), LocalDate.of(2026, 5, 1)));
    assertThat(overlapping.startsFrom()).isNull();
    assertThat(overlapping.endsBefore()).isNull();
    var startsAfter = DateRanges.periodDates("date", param("sa2026-03-02"));
    assertThat(startsAfter.overlaps()).isEqualTo(new DateRanges.Range<>(null, null));
    assertThat(startsAfter.startsFrom()).isEqualTo(date(3, 3));
    var endsBefore = DateRanges.periodDates("date", param("eb2026-04-13"));
    assertThat(endsBefore.endsBefore()).isEqualTo(date(4, 13));
    assertThat(endsBefore.startsFrom()).isNull();
  }

  private static LocalDate date(int month, int day) {
    return LocalDate.of(2026, month, day);
  }
}
