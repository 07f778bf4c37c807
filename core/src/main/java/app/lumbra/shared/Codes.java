package app.lumbra.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/** OBS-4 for coded values: the one place that maps a code text to an enum or rejects it. */
public final class Codes {

  private Codes() {}

  /**
   * Parses {@code code} (exact upper-case name, surrounding blanks ignored) into a constant of
   * {@code type}; a missing or unknown code is rejected naming the field and the allowed codes.
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String code) {
    String allowed = allowed(type);
    InvalidValueException.required(field, code, allowed);
    String wanted = code.strip();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    throw new InvalidValueException(field, code, allowed);
  }

  public static <E extends Enum<E>> String allowed(Class<E> type) {
    return "one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
