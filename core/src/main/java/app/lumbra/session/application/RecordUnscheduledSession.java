package app.lumbra.session.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Records a session that took place without having been scheduled here (e.g. from an EHR). {@code
 * id} is the id the sender chose (FHIR-8), null for a fresh one.
 */
public record RecordUnscheduledSession(
    @Size(max = 64) String id,
    @NotBlank @Size(max = 64) String carePlanId,
    @NotBlank @Size(max = 64) String patientId,
    @NotNull @Valid PerformedSessionData performed) {

  /** A session with a fresh id. */
  public RecordUnscheduledSession(
      String carePlanId, String patientId, PerformedSessionData performed) {
    this(null, carePlanId, patientId, performed);
  }
}
