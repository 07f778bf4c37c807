package app.lumbra.condition.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.UUID;

/** Lumbra's id of a recorded condition: a random UUID. */
public record ConditionId(String value) {

  public ConditionId {
    InvalidValueException.required("conditionId", value, "a UUID");
    try {
      value = UUID.fromString(value).toString();
    } catch (IllegalArgumentException notAUuid) {
      throw new InvalidValueException("conditionId", value, "a UUID");
    }
  }

  public static ConditionId of(String value) {
    return new ConditionId(value);
  }

  public static ConditionId random() {
    return new ConditionId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
