package app.lumbra.session.application;

import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What happened in an attended session (OBS-3). Pain before and after (NRS 0–10, OBS-1) is
 * optional; when given it is also stored as PRE_SESSION / POST_SESSION pain readings, like the
 * further {@code readings}, with {@code source} saying where they came from.
 */
public record PerformedSessionData(
    @NotNull OffsetDateTime performedAt,
    @NotNull Integer durationMinutes,
    @NotBlank @Size(max = 200) String therapist,
    @NotEmpty Set<@NotNull Technique> techniques,
    @NotEmpty Set<@NotNull TargetRegion> targetRegions,
    Integer prePain,
    Integer postPain,
    @Valid SoapNotesData notes,
    List<@Valid @NotNull SessionReading> readings,
    @NotNull ReadingSource source) {

  public PerformedSessionData {
    readings = readings == null ? List.of() : List.copyOf(readings);
    notes = notes == null ? SoapNotesData.none() : notes;
  }
}
