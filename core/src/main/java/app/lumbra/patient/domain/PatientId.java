package app.lumbra.patient.domain;

import app.lumbra.shared.RecordIds;
import java.util.UUID;

/**
 * A patient's id: Lumbra's random UUID (so ids never leak how many patients exist), or the id an
 * EHR chose when it created the patient (any FHIR id, FHIR-8, see {@link RecordIds}).
 */
public record PatientId(String value) {

  public PatientId {
    value = RecordIds.check("patientId", value);
  }

  public static PatientId of(String value) {
    return new PatientId(value);
  }

  public static PatientId random() {
    return new PatientId(UUID.randomUUID().toString());
  }

  /** The id a client asked for when given, a random one otherwise. */
  public static PatientId requestedOrRandom(String requested) {
    return new PatientId(RecordIds.requestedOrRandom("patientId", requested));
  }

  @Override
  public String toString() {
    return value;
  }
}
