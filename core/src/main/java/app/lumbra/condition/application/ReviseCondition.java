package app.lumbra.condition.application;

import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/**
 * Replaces what is known about a condition, based on the version the editor read. {@code onsetType}
 * and {@code onsetDate} may be null when not known (FHIR-6, see {@code RecordCondition}).
 */
public record ReviseCondition(
    @NotBlank String conditionId,
    @PositiveOrZero long expectedVersion,
    OnsetType onsetType,
    @PastOrPresent LocalDate onsetDate,
    @Min(0) @Max(10) Integer painScore,
    SeverityCategory severity,
    Set<@NotNull StructuralCause> structuralCauses,
    @Size(max = 2000) String note) {}
