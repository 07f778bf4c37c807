package app.lumbra.patient.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.UUID;

/** Lumbra's own id of a patient: a random UUID, so ids never leak how many patients exist. */
public record PatientId(String value) {

  private static final String ALLOWED = "a UUID such as 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b7c45";

  public PatientId {
    InvalidValueException.required("patientId", value, ALLOWED);
    try {
      value = UUID.fromString(value).toString();
    } catch (IllegalArgumentException notAUuid) {
      throw new InvalidValueException("patientId", value, ALLOWED);
    }
  }

  public static PatientId of(String value) {
    return new PatientId(value);
  }

  public static PatientId random() {
    return new PatientId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
