package app.lumbra.careplan.domain;

import app.lumbra.condition.domain.StructuralCause;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores small sets of codes as one comma-separated column, so that value objects inside element
 * collections can carry them (JPA cannot nest collections there).
 */
public final class CodeSetConverters {

  private CodeSetConverters() {}

  abstract static class EnumSetConverter<E extends Enum<E>>
      implements AttributeConverter<Set<E>, String> {
    private final Class<E> type;

    EnumSetConverter(Class<E> type) {
      this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(Set<E> codes) {
      return codes == null
          ? ""
          : codes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<E> convertToEntityAttribute(String column) {
      EnumSet<E> codes = EnumSet.noneOf(type);
      if (column != null && !column.isBlank()) {
        Arrays.stream(column.split(","))
            .map(code -> Enum.valueOf(type, code.strip()))
            .forEach(codes::add);
      }
      return codes;
    }
  }

  @Converter
  public static class Techniques extends EnumSetConverter<Technique> {
    public Techniques() {
      super(Technique.class);
    }
  }

  @Converter
  public static class Regions extends EnumSetConverter<TargetRegion> {
    public Regions() {
      super(TargetRegion.class);
    }
  }

  @Converter
  public static class Lifestyles extends EnumSetConverter<Lifestyle> {
    public Lifestyles() {
      super(Lifestyle.class);
    }
  }

  @Converter
  public static class Days extends EnumSetConverter<DayOfWeek> {
    public Days() {
      super(DayOfWeek.class);
    }
  }

  @Converter
  public static class Causes extends EnumSetConverter<StructuralCause> {
    public Causes() {
      super(StructuralCause.class);
    }
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

  static <E extends Enum<E>> Set<E> copy(Set<E> codes, Class<E> type) {
    return codes == null || codes.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(codes);
  }

  static <E extends Enum<E>> String names(Set<E> codes, Function<E, String> name) {
    return codes.stream().sorted().map(name).collect(Collectors.joining(", "));
  }
}
