package app.lumbra.safety.application;

import app.lumbra.safety.domain.Contraindication;
import app.lumbra.safety.domain.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/**
 * SAFE-2: the clinician's checklist: contraindications present, the regions a skin lesion is on,
 * and the precautions confirmed.
 */
public record RecordChecklist(
    @NotBlank String patientId,
    @NotNull Set<@NotNull Contraindication> present,
    Set<@NotNull Region> lesionRegions,
    Set<@NotNull Contraindication> confirmed,
    String note,
    @NotBlank String author) {}
