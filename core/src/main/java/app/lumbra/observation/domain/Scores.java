package app.lumbra.observation.domain;

import app.lumbra.shared.InvalidValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * OBS-4 for integer scales: the one place that checks the range of a score and turns a raw,
 * possibly wrongly typed value (text, decimal) into an integer or rejects it naming the field.
 */
final class Scores {

  private Scores() {}

  static String allowed(int min, int max) {
    return "an integer from " + min + " to " + max;
  }

  static int inRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidValueException(field, value, allowed(min, max));
    }
    return value;
  }

  /**
   * Accepts whole numbers given as integers, integral decimals ("7", "7.0", 7.0) or digits in text;
   * rejects fractions, non-numbers and anything else so that a typing mistake is not silently
   * rounded into a clinical score.
   */
  static int parse(String field, Object raw, int min, int max) {
    InvalidValueException.required(field, raw, allowed(min, max));
    BigDecimal number;
    if (raw instanceof Integer
        || raw instanceof Long
        || raw instanceof Short
        || raw instanceof Byte) {
      number = BigDecimal.valueOf(((Number) raw).longValue());
    } else if (raw instanceof BigInteger big) {
      number = new BigDecimal(big);
    } else if (raw instanceof BigDecimal decimal) {
      number = decimal;
    } else if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new InvalidValueException(field, raw, allowed(min, max));
      }
      number = BigDecimal.valueOf(d);
    } else if (raw instanceof String text) {
      number = parseText(field, text.strip(), min, max);
    } else {
      throw new InvalidValueException(field, raw, allowed(min, max));
    }
    BigDecimal whole = number.stripTrailingZeros();
    if (whole.scale() > 0) {
      throw new InvalidValueException(field, raw, allowed(min, max));
    }
    if (whole.compareTo(BigDecimal.valueOf(min)) < 0
        || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidValueException(field, raw, allowed(min, max));
    }
    return whole.intValueExact();
  }

  // Plain decimal notation only: "1e1" is more likely a typing slip than a ten.
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d{1,9}(\\.\\d{1,9})?");

  private static BigDecimal parseText(String field, String text, int min, int max) {
    if (!PLAIN_NUMBER.matcher(text).matches()) {
      throw new InvalidValueException(field, text, allowed(min, max));
    }
    return new BigDecimal(text);
  }
}
