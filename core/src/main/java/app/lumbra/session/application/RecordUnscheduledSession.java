package app.lumbra.session.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Records a session that took place without having been scheduled here (e.g. from an EHR). */
public record RecordUnscheduledSession(
    @NotBlank @Size(max = 64) String carePlanId,
    @NotBlank @Size(max = 64) String patientId,
    @NotNull @Valid PerformedSessionData performed) {}
