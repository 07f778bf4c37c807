package app.lumbra.patient.domain;

/** Administrative gender as the EHR records it; optional on a patient. */
public enum Gender {
  MALE,
  FEMALE,
  OTHER,
  UNKNOWN
}
