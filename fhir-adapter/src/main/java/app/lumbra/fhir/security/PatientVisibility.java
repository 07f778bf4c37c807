package app.lumbra.fhir.security;

/** Whether the user a {@code user/} token names (its {@code sub}) may see a patient. */
@FunctionalInterface
public interface PatientVisibility {

  boolean userMaySee(String username, String patientId);

  /** Everyone sees everyone: for tests of the scope rules alone. */
  PatientVisibility ALL = (username, patientId) -> true;
}
