package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.UUID;

/** Lumbra's id of a care plan: a random UUID. */
public record CarePlanId(String value) {

  public CarePlanId {
    InvalidValueException.required("carePlanId", value, "a UUID");
    try {
      value = UUID.fromString(value).toString();
    } catch (IllegalArgumentException notAUuid) {
      throw new InvalidValueException("carePlanId", value, "a UUID");
    }
  }

  public static CarePlanId of(String value) {
    return new CarePlanId(value);
  }

  public static CarePlanId random() {
    return new CarePlanId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
