package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.PhaseKind;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Set;

/**
 * PLAN-2: a phase; {@code endDate} (inclusive) is null when open-ended. Frequency is {@code
 * sessionsPerPeriod} per {@code periodWeeks} weeks; sessions last 30–60 minutes (PLAN-5).
 */
public record PhaseData(
    @NotNull PhaseKind kind,
    @NotNull LocalDate startDate,
    LocalDate endDate,
    @Min(1) @Max(7) int sessionsPerPeriod,
    @Min(1) @Max(12) int periodWeeks,
    @Min(30) @Max(60) int sessionMinutes,
    @NotEmpty Set<@NotNull Technique> techniques,
    @NotNull Set<@NotNull TargetRegion> targetRegions) {}
