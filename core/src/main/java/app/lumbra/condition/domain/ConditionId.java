package app.lumbra.condition.domain;

import app.lumbra.shared.RecordIds;
import java.util.UUID;

/**
 * A recorded condition's id: a random UUID, or the id an EHR chose (any FHIR id, FHIR-8, see {@link
 * RecordIds}).
 */
public record ConditionId(String value) {

  public ConditionId {
    value = RecordIds.check("conditionId", value);
  }

  public static ConditionId of(String value) {
    return new ConditionId(value);
  }

  public static ConditionId random() {
    return new ConditionId(UUID.randomUUID().toString());
  }

  /** The id a client asked for when given, a random one otherwise. */
  public static ConditionId requestedOrRandom(String requested) {
    return new ConditionId(RecordIds.requestedOrRandom("conditionId", requested));
  }

  @Override
  public String toString() {
    return value;
  }
}
