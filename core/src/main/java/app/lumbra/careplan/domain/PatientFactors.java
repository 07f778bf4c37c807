package app.lumbra.careplan.domain;

import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.Severity;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * PLAN-13: what a plan is based on — onset, severity, structural causes, preferred technique
 * intensity, lifestyle, price and budget, available weekdays and time. Kept with the plan so that
 * an edited plan is re-checked against the same facts.
 */
@Embeddable
public class PatientFactors {

  @Enumerated(EnumType.STRING)
  @Column(name = "onset_type", nullable = false, length = 16)
  private OnsetType onsetType;

  @Column(name = "pain_score")
  private Integer painScore;

  @Enumerated(EnumType.STRING)
  @Column(name = "severity", nullable = false, length = 16)
  private SeverityCategory severity;

  @Column(name = "structural_causes", nullable = false, length = 200)
  private String structuralCauses;

  @Enumerated(EnumType.STRING)
  @Column(name = "intensity_preference", nullable = false, length = 16)
  private IntensityPreference intensityPreference;

  @Column(name = "lifestyles", nullable = false, length = 200)
  private String lifestyles;

  @Column(name = "price_per_session", nullable = false, precision = 10, scale = 2)
  private BigDecimal pricePerSession;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "monthly_budget", precision = 10, scale = 2)
  private BigDecimal monthlyBudget;

  @Column(name = "available_days", nullable = false, length = 100)
  private String availableDays;

  @Convert(converter = CodeColumns.TimeOfDay.class)
  @Column(name = "preferred_time", nullable = false, length = 5)
  private LocalTime preferredTime;

  protected PatientFactors() {}

  /**
   * Validated factors. {@code monthlyBudget} may be null (no limit); its currency must be the
   * price's. At least one weekday must be available.
   */
  public static PatientFactors of(
      OnsetType onsetType,
      Severity severity,
      Set<StructuralCause> structuralCauses,
      IntensityPreference intensityPreference,
      Set<Lifestyle> lifestyles,
      Money pricePerSession,
      Money monthlyBudget,
      Set<DayOfWeek> availableDays,
      LocalTime preferredTime) {
    PatientFactors factors = new PatientFactors();
    // FHIR-6: a plan for pain whose onset nobody recorded is allowed; the checker says so.
    factors.onsetType = onsetType == null ? OnsetType.UNKNOWN : onsetType;
    InvalidValueException.required("severity", severity, "a pain score 0-10 and/or a category");
    factors.painScore = severity.painScore();
    factors.severity = severity.category();
    factors.structuralCauses = CodeColumns.toColumn(structuralCauses);
    factors.intensityPreference =
        InvalidValueException.required(
            "intensityPreference", intensityPreference, "GENTLE, MODERATE or FIRM");
    factors.lifestyles = CodeColumns.toColumn(lifestyles);
    InvalidValueException.required("pricePerSession", pricePerSession, "an amount 0 or more");
    factors.pricePerSession = pricePerSession.amount();
    factors.currency = pricePerSession.currency();
    if (monthlyBudget != null && !monthlyBudget.currency().equals(pricePerSession.currency())) {
      throw new InvalidValueException(
          "monthlyBudget.currency", monthlyBudget.currency(), pricePerSession.currency());
    }
    factors.monthlyBudget = monthlyBudget == null ? null : monthlyBudget.amount();
    if (availableDays == null || availableDays.isEmpty()) {
      throw new InvalidValueException("availableDays", "none", "at least one weekday");
    }
    factors.availableDays = CodeColumns.toColumn(availableDays);
    factors.preferredTime =
        InvalidValueException.required("preferredTime", preferredTime, "a time of day HH:mm");
    return factors;
  }

  public OnsetType onsetType() {
    return onsetType;
  }

  public Severity severity() {
    return new Severity(painScore, severity);
  }

  public Set<StructuralCause> structuralCauses() {
    return CodeColumns.fromColumn(structuralCauses, StructuralCause.class);
  }

  public IntensityPreference intensityPreference() {
    return intensityPreference;
  }

  public Set<Lifestyle> lifestyles() {
    return CodeColumns.fromColumn(lifestyles, Lifestyle.class);
  }

  public Money pricePerSession() {
    return new Money(pricePerSession, currency);
  }

  public Optional<Money> monthlyBudget() {
    return Optional.ofNullable(monthlyBudget).map(amount -> new Money(amount, currency));
  }

  public Set<DayOfWeek> availableDays() {
    return CodeColumns.fromColumn(availableDays, DayOfWeek.class);
  }

  public LocalTime preferredTime() {
    return preferredTime;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PatientFactors that
        && onsetType == that.onsetType
        && Objects.equals(painScore, that.painScore)
        && severity == that.severity
        && structuralCauses.equals(that.structuralCauses)
        && intensityPreference == that.intensityPreference
        && lifestyles.equals(that.lifestyles)
        && pricePerSession.compareTo(that.pricePerSession) == 0
        && currency.equals(that.currency)
        && (monthlyBudget == null
            ? that.monthlyBudget == null
            : that.monthlyBudget != null && monthlyBudget.compareTo(that.monthlyBudget) == 0)
        && availableDays.equals(that.availableDays)
        && preferredTime.equals(that.preferredTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(onsetType, painScore, severity, intensityPreference, currency);
  }
}
