package app.lumbra.session.application;

import app.lumbra.observation.domain.PainScore;
import app.lumbra.session.domain.SessionDuration;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.session.domain.TreatmentSession;
import app.lumbra.shared.SessionLength;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A treatment session as the boundaries show it. Fields that do not apply yet are null: {@code
 * performedAt}, {@code durationMinutes}, {@code therapist} and the pain scores until attended,
 * {@code statusReason} unless missed or cancelled. {@code untargeted} is the PLAN-7 flag.
 */
public record SessionView(
    String id,
    String carePlanId,
    String patientId,
    OffsetDateTime scheduledAt,
    Integer plannedDurationMinutes,
    SessionStatus status,
    String statusReason,
    OffsetDateTime performedAt,
    Integer durationMinutes,
    String therapist,
    Set<Technique> techniques,
    Set<TargetRegion> targetRegions,
    boolean untargeted,
    Integer prePain,
    Integer postPain,
    SoapNotesData notes,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    long version) {

  /** The session with the pain scores of the readings it names (OBS-1). */
  static SessionView of(TreatmentSession s, PainScore prePain, PainScore postPain) {
    return new SessionView(
        s.id(),
        s.carePlanId(),
        s.patientId(),
        s.scheduledAt(),
        s.plannedDuration().map(SessionDuration::minutes).orElse(null),
        s.status(),
        s.statusReason().orElse(null),
        s.performedAt().orElse(null),
        s.duration().map(SessionDuration::minutes).orElse(null),
        s.therapist().orElse(null),
        s.techniques(),
        s.targetRegions(),
        s.isUntargeted(),
        prePain == null ? null : prePain.value(),
        postPain == null ? null : postPain.value(),
        SoapNotesData.of(s.notes()),
        s.createdAt(),
        s.updatedAt(),
        s.version());
  }

  /**
   * What the record says against the planning rules, never a reason it was refused (PLAN-5: a
   * performed session outside 30–60 minutes).
   */
  public List<String> warnings() {
    return durationMinutes == null
        ? List.of()
        : SessionLength.warning(durationMinutes).stream().toList();
  }
}
