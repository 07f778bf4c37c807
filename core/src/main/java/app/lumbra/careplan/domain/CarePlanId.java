package app.lumbra.careplan.domain;

import app.lumbra.shared.RecordIds;
import java.util.UUID;

/**
 * A care plan's id: a random UUID, or the id an EHR chose (any FHIR id, FHIR-8, see {@link
 * RecordIds}).
 */
public record CarePlanId(String value) {

  public CarePlanId {
    value = RecordIds.check("carePlanId", value);
  }

  public static CarePlanId of(String value) {
    return new CarePlanId(value);
  }

  public static CarePlanId random() {
    return new CarePlanId(UUID.randomUUID().toString());
  }

  /** The id a client asked for when given, a random one otherwise. */
  public static CarePlanId requestedOrRandom(String requested) {
    return new CarePlanId(RecordIds.requestedOrRandom("carePlanId", requested));
  }

  @Override
  public String toString() {
    return value;
  }
}
