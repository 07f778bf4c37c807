package app.lumbra.safety.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Small sets of codes kept as one comma-separated column (as the care plan module does). */
final class Codes {

  private Codes() {}

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

  static String text(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    return stripped.length() > max ? stripped.substring(0, max) : stripped;
  }

  static String author(String author) {
    if (author == null || author.isBlank() || author.length() > 200) {
      throw new InvalidValueException("author", author, "who recorded it, 1 to 200 characters");
    }
    return author.strip();
  }
}
