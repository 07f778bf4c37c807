package app.lumbra.fhir.observation;

import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.shared.InvalidValueException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The If-None-Exist query of a conditional Observation create: {@code patient}, {@code code} and
 * {@code date} (an exact effective date-time), the combination that identifies one reading.
 */
final class ConditionalSearch {

  private ConditionalSearch() {}

  static ReadingCriteria criteria(String conditionalUrl) {
    String query = conditionalUrl.substring(conditionalUrl.indexOf('?') + 1);
    String patient = null;
    Set<ObservationCode> codes = EnumSet.noneOf(ObservationCode.class);
    OffsetDateTime at = null;
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      switch (name) {
        case "patient", "subject" -> patient = value.substring(value.lastIndexOf('/') + 1);
        case "code" -> {
          int bar = value.indexOf('|');
          String system = bar < 0 ? null : value.substring(0, bar);
          codes.add(
              ObservationFhirMapper.findMeasure(system, value.substring(bar + 1))
                  .orElseThrow(
                      () ->
                          new InvalidValueException(
                              "If-None-Exist code", value, ObservationFhirMapper.allowedCodes())));
        }
        case "date" ->
            at = OffsetDateTime.parse(value.startsWith("eq") ? value.substring(2) : value);
        default -> throw new InvalidValueException("If-None-Exist", name, "patient, code and date");
      }
    }
    if (patient == null || codes.isEmpty() || at == null) {
      throw new InvalidValueException(
          "If-None-Exist", conditionalUrl, "patient=…&code=…&date=<effective date-time>");
    }
    return new ReadingCriteria(
        patient, Set.of(), Set.of(), codes, at, at.plusNanos(1_000_000), null, null, null);
  }
}
