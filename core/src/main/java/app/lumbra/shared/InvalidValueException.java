package app.lumbra.shared;

import java.util.Objects;

/**
 * A value that is out of range, of the wrong type, in the future or not one of the known codes
 * (OBS-4, PLAN-5). Names the field, the rejected value and what is allowed.
 */
public class InvalidValueException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String allowed;
  private final String rejected;

  public InvalidValueException(String field, Object rejected, String allowed) {
    super(field + ": " + describe(rejected) + " is not allowed; allowed: " + allowed);
    this.field = Objects.requireNonNull(field, "field");
    this.allowed = Objects.requireNonNull(allowed, "allowed");
    this.rejected = describe(rejected);
  }

  /** Helper for required fields: throws when {@code value} is null, else returns it. */
  public static <T> T required(String field, T value, String allowed) {
    if (value == null) {
      throw new InvalidValueException(field, null, allowed);
    }
    return value;
  }

  private static String describe(Object value) {
    return value == null ? "a missing value" : "'" + value + "'";
  }

  public String field() {
    return field;
  }

  public String allowed() {
    return allowed;
  }

  public String rejected() {
    return rejected;
  }
}
