package app.lumbra.exchange.application;

import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.session.application.PerformedSessionData;
import app.lumbra.session.application.SoapNotesData;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What a partner says of a massage session: the plan it names (null: the patient's one active
 * plan), its status and times, and what was done. Readings sent with it are Observations of their
 * own.
 */
public record SessionStatement(
    String carePlanId,
    String patientId,
    SessionStatus status,
    String statusReason,
    OffsetDateTime scheduledAt,
    Integer plannedDurationMinutes,
    OffsetDateTime performedAt,
    Integer durationMinutes,
    String therapist,
    Set<Technique> techniques,
    Set<TargetRegion> targetRegions,
    Integer prePain,
    Integer postPain,
    SoapNotesData notes) {

  /** OBS-3: the attended session; readings from partners are separate Observations. */
  public PerformedSessionData performed() {
    return new PerformedSessionData(
        performedAt,
        durationMinutes,
        therapist,
        techniques,
        targetRegions,
        prePain,
        postPain,
        notes,
        List.of(),
        ReadingSource.EHR_IMPORT);
  }

  /** The same session with {@code techniques} and {@code targetRegions}. */
  SessionStatement doing(Set<Technique> techniques, Set<TargetRegion> targetRegions) {
    return new SessionStatement(
        carePlanId,
        patientId,
        status,
        statusReason,
        scheduledAt,
        plannedDurationMinutes,
        performedAt,
        durationMinutes,
        therapist,
        techniques,
        targetRegions,
        prePain,
        postPain,
        notes);
  }
}
