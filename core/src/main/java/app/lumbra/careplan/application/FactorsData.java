package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * PLAN-13: the patient factors a plan is based on. Give {@code painScore} (NRS 0–10), {@code
 * severity}, or both; {@code monthlyBudget} is null for no limit and is in {@code currency}; {@code
 * onsetType} null means the onset is not known (UNKNOWN, FHIR-6).
 */
public record FactorsData(
    OnsetType onsetType,
    @Min(0) @Max(10) Integer painScore,
    SeverityCategory severity,
    Set<@NotNull StructuralCause> structuralCauses,
    @NotNull IntensityPreference intensityPreference,
    Set<@NotNull Lifestyle> lifestyles,
    @NotNull @DecimalMin("0") BigDecimal pricePerSession,
    @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
    @DecimalMin("0") BigDecimal monthlyBudget,
    @NotEmpty Set<@NotNull DayOfWeek> availableDays,
    @NotNull LocalTime preferredTime) {}
