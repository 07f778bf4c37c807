package app.lumbra.fhir.support;

import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * FHIR date search parameters (prefixes eq, ne-less, lt, le, gt, ge, sa, eb and ranges of two) as
 * half-open ranges {@code [from, before)} the repositories query. A value stands for the whole
 * period of its precision: {@code 2024-05} is all of May; dates without a time are UTC days.
 */
public final class DateRanges {

  /** A half-open range; a null end is open. */
  public record Range<T>(T from, T before) {}

  private DateRanges() {}

  /**
   * Search values against a period (FHIR-9, e.g. CarePlan.period): lt, le, gt, ge and eq ask the
   * period to overlap {@code overlaps}; sa asks it to start on or after {@code startsFrom}, eb to
   * end before {@code endsBefore}. Dates as in {@link #dates}.
   */
  public record PeriodRange<T>(Range<T> overlaps, T startsFrom, T endsBefore) {}

  public static Range<OffsetDateTime> instants(String name, DateRangeParam param) {
    return bounds(name, param, false).overlaps();
  }

  public static PeriodRange<LocalDate> periodDates(String name, DateRangeParam param) {
    PeriodRange<OffsetDateTime> range = bounds(name, param, true);
    return new PeriodRange<>(
        new Range<>(day(range.overlaps().from()), day(range.overlaps().before())),
        day(range.startsFrom()),
        day(range.endsBefore()));
  }

  // For a point in time sa and eb are gt and lt; against a period they constrain its ends.
  private static PeriodRange<OffsetDateTime> bounds(
      String name, DateRangeParam param, boolean period) {
    OffsetDateTime from = null;
    OffsetDateTime before = null;
    OffsetDateTime startsFrom = null;
    OffsetDateTime endsBefore = null;
    if (param == null || param.isEmpty()) {
      return new PeriodRange<>(new Range<>(null, null), null, null);
    }
    for (DateParam bound : new DateParam[] {param.getLowerBound(), param.getUpperBound()}) {
      if (bound == null || bound.isEmpty()) {
        continue;
      }
      OffsetDateTime start = start(name, bound);
      OffsetDateTime end = end(start, bound.getPrecision());
      ParamPrefixEnum prefix =
          bound.getPrefix() == null ? ParamPrefixEnum.EQUAL : bound.getPrefix();
      switch (prefix) {
        case EQUAL -> {
          from = later(from, start);
          before = earlier(before, end);
        }
        case GREATERTHAN_OR_EQUALS -> from = later(from, start);
        case GREATERTHAN -> from = later(from, end);
        case STARTS_AFTER -> {
          if (period) {
            startsFrom = later(startsFrom, end);
          } else {
            from = later(from, end);
          }
        }
        case LESSTHAN_OR_EQUALS -> before = earlier(before, end);
        case LESSTHAN -> before = earlier(before, start);
        case ENDS_BEFORE -> {
          if (period) {
            endsBefore = earlier(endsBefore, start);
          } else {
            before = earlier(before, start);
          }
        }
        default ->
            throw new InvalidValueException(
                name,
                prefix.getValue() + bound.getValueAsString(),
                "prefixes eq, lt, le, gt, ge, sa, eb");
      }
    }
    return new PeriodRange<>(new Range<>(from, before), startsFrom, endsBefore);
  }

  public static Range<LocalDate> dates(String name, DateRangeParam param) {
    Range<OffsetDateTime> range = instants(name, param);
    return new Range<>(day(range.from()), day(range.before()));
  }

  // A bound inside a day moves to the next whole day, so date columns compare like instants.
  private static LocalDate day(OffsetDateTime instant) {
    if (instant == null) {
      return null;
    }
    OffsetDateTime utc = instant.withOffsetSameInstant(ZoneOffset.UTC);
    LocalDate day = utc.toLocalDate();
    return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? day : day.plusDays(1);
  }

  private static OffsetDateTime start(String name, DateParam bound) {
    String text = bound.getValueAsString();
    try {
      return switch (bound.getPrecision()) {
        case YEAR ->
            LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay().atOffset(ZoneOffset.UTC);
        case MONTH -> LocalDate.parse(text + "-01").atStartOfDay().atOffset(ZoneOffset.UTC);
        case DAY -> LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        default -> OffsetDateTime.parse(text);
      };
    } catch (RuntimeException malformed) {
      throw new InvalidValueException(
          name, text, "a date or date-time such as 2024-05-01 or 2024-05-01T10:00:00Z");
    }
  }

  private static OffsetDateTime end(OffsetDateTime start, TemporalPrecisionEnum precision) {
    return switch (precision) {
      case YEAR -> start.plusYears(1);
      case MONTH -> start.plusMonths(1);
      case DAY -> start.plusDays(1);
      case MINUTE -> start.plusMinutes(1);
      case SECOND -> start.plusSeconds(1);
      case MILLI -> start.plus(1, ChronoUnit.MILLIS);
    };
  }

  private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
