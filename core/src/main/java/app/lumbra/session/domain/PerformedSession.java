package app.lumbra.session.domain;

import app.lumbra.observation.domain.PainScore;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * OBS-3: what happened in an attended session. Pain before and after is optional because an EHR may
 * send a procedure without it; when given it is a valid NRS score (OBS-1).
 */
public record PerformedSession(
    OffsetDateTime performedAt,
    SessionDuration duration,
    String therapist,
    Set<Technique> techniques,
    Set<TargetRegion> targetRegions,
    PainScore prePain,
    PainScore postPain,
    SoapNotes notes) {

  public PerformedSession {
    techniques = techniques == null ? Set.of() : Set.copyOf(techniques);
    targetRegions = targetRegions == null ? Set.of() : Set.copyOf(targetRegions);
    notes = notes == null ? SoapNotes.none() : notes;
  }

  public Optional<PainScore> pre() {
    return Optional.ofNullable(prePain);
  }

  public Optional<PainScore> post() {
    return Optional.ofNullable(postPain);
  }
}
