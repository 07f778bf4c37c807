package app.lumbra.session.application;

import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Plans a session of a care plan. {@code plannedDurationMinutes} (30–60, PLAN-5) and the planned
 * techniques may be left open; target regions are required (PLAN-7). {@code id} is the id the
 * sender chose (FHIR-8), null for a fresh one.
 */
public record ScheduleSession(
    @Size(max = 64) String id,
    @NotBlank @Size(max = 64) String carePlanId,
    @NotBlank @Size(max = 64) String patientId,
    @NotNull OffsetDateTime scheduledAt,
    Integer plannedDurationMinutes,
    Set<@NotNull Technique> techniques,
    @NotEmpty Set<@NotNull TargetRegion> targetRegions) {

  /** A session with a fresh id. */
  public ScheduleSession(
      String carePlanId,
      String patientId,
      OffsetDateTime scheduledAt,
      Integer plannedDurationMinutes,
      Set<Technique> techniques,
      Set<TargetRegion> targetRegions) {
    this(
        null,
        carePlanId,
        patientId,
        scheduledAt,
        plannedDurationMinutes,
        techniques,
        targetRegions);
  }
}
