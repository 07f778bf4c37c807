package app.lumbra.session.domain;

import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * OBS-3: what happened in an attended session. Pain before and after is not part of it: it is
 * recorded as readings of the session (OBS-1).
 */
public record PerformedSession(
    OffsetDateTime performedAt,
    SessionDuration duration,
    String therapist,
    Set<Technique> techniques,
    Set<TargetRegion> targetRegions,
    SoapNotes notes) {

  public PerformedSession {
    techniques = techniques == null ? Set.of() : Set.copyOf(techniques);
    targetRegions = targetRegions == null ? Set.of() : Set.copyOf(targetRegions);
    notes = notes == null ? SoapNotes.none() : notes;
  }
}
