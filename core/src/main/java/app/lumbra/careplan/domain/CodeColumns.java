package app.lumbra.careplan.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Small sets of codes stored as one comma-separated column, so that value objects inside element
 * collections can carry them (JPA cannot nest collections there). Entities keep the column text and
 * convert in their accessors: EclipseLink 4 mis-types attribute converters on {@code Set}
 * attributes.
 */
public final class CodeColumns {

  private CodeColumns() {}

  static <E extends Enum<E>> String toColumn(Set<E> codes) {
    return codes == null
        ? ""
        : codes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  static <E extends Enum<E>> EnumSet<E> fromColumn(String column, Class<E> type) {
    EnumSet<E> codes = EnumSet.noneOf(type);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.split(","))
          .map(code -> Enum.valueOf(type, code.strip()))
          .forEach(codes::add);
    }
    return codes;
  }

  /** A time of day as {@code HH:mm}, so the schema needs no TIME type. */
  @Converter
  public static class TimeOfDay implements AttributeConverter<LocalTime, String> {
    @Override
    public String convertToDatabaseColumn(LocalTime time) {
      return time == null ? null : time.toString();
    }

    @Override
    public LocalTime convertToEntityAttribute(String column) {
      return column == null ? null : LocalTime.parse(column);
    }
  }
}
