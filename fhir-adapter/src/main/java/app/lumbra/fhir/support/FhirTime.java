package app.lumbra.fhir.support;

import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Date and time conversions that keep what the domain stores exactly: the UTC offset of a date-time
 * (FHIR-1 round trip) and whole days for dates.
 */
public final class FhirTime {

  private static final String DATE_TIME = "a date-time with seconds and a time zone";

  private FhirTime() {}

  public static DateTimeType dateTime(OffsetDateTime value) {
    if (value == null) {
      return null;
    }
    TemporalPrecisionEnum precision =
        value.getNano() == 0 ? TemporalPrecisionEnum.SECOND : TemporalPrecisionEnum.MILLI;
    return new DateTimeType(
        Date.from(value.toInstant()), precision, TimeZone.getTimeZone(value.getOffset()));
  }

  public static InstantType instant(OffsetDateTime value) {
    return value == null
        ? null
        : new InstantType(
            Date.from(value.toInstant()),
            TemporalPrecisionEnum.MILLI,
            TimeZone.getTimeZone(ZoneOffset.UTC));
  }

  public static Date date(OffsetDateTime value) {
    return value == null ? null : Date.from(value.toInstant());
  }

  /** The date-time as sent, with its offset; rejects partial dates (OBS-4). */
  public static OffsetDateTime offsetDateTime(String field, BaseDateTimeType value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.getPrecision().ordinal() < TemporalPrecisionEnum.MINUTE.ordinal()
        || value.getTimeZone() == null) {
      throw new InvalidValueException(field, value.getValueAsString(), DATE_TIME);
    }
    if (value.getPrecision().ordinal() <= TemporalPrecisionEnum.SECOND.ordinal()) {
      // Whole seconds: HAPI has parsed the text already (parsing it again was 6 % of a
      // transaction Bundle's readings). Fractions may have more digits than HAPI's milliseconds.
      long millis = value.getValue().getTime();
      return Instant.ofEpochMilli(millis)
          .atOffset(ZoneOffset.ofTotalSeconds(value.getTimeZone().getOffset(millis) / 1000));
    }
    return OffsetDateTime.parse(value.getValueAsString());
  }

  public static DateType date(LocalDate value) {
    return value == null ? null : new DateType(value.toString());
  }

  public static LocalDate localDate(String field, DateType value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.getPrecision() != TemporalPrecisionEnum.DAY) {
      throw new InvalidValueException(field, value.getValueAsString(), "a full date YYYY-MM-DD");
    }
    return LocalDate.parse(value.getValueAsString());
  }

  public static LocalDate localDate(String field, DateTimeType value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.getPrecision() != TemporalPrecisionEnum.DAY) {
      throw new InvalidValueException(field, value.getValueAsString(), "a full date YYYY-MM-DD");
    }
    return LocalDate.parse(value.getValueAsString());
  }
}
