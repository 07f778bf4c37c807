package app.lumbra.web.portal.plans;

import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.web.portal.PortalForms;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * The patient's factors a recommended plan is made from (PLAN-13), as the plan editor's first form
 * holds them; prefilled from the patient's active condition.
 */
public class FactorsForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private OnsetType onsetType;
  private Integer painScore;
  private SeverityCategory severity;
  private StructuralCause[] structuralCauses = {};
  private IntensityPreference intensityPreference = IntensityPreference.MODERATE;
  private Lifestyle[] lifestyles = {};
  private BigDecimal pricePerSession = new BigDecimal("60");
  private String currency = "EUR";
  private BigDecimal monthlyBudget;
  private DayOfWeek[] availableDays = {DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY};
  private LocalTime preferredTime = LocalTime.of(10, 0);

  void prefill(ConditionView condition) {
    onsetType = condition.onsetType();
    painScore = condition.painScore();
    severity = condition.severity();
    structuralCauses = condition.structuralCauses().toArray(StructuralCause[]::new);
  }

  FactorsData toData() {
    return new FactorsData(
        onsetType,
        painScore,
        severity,
        PortalForms.enumSet(StructuralCause.class, structuralCauses),
        intensityPreference,
        PortalForms.enumSet(Lifestyle.class, lifestyles),
        pricePerSession,
        currency == null ? null : currency.strip().toUpperCase(),
        monthlyBudget,
        PortalForms.enumSet(DayOfWeek.class, availableDays),
        preferredTime);
  }

  public OnsetType getOnsetType() {
    return onsetType;
  }

  public void setOnsetType(OnsetType onsetType) {
    this.onsetType = onsetType;
  }

  public Integer getPainScore() {
    return painScore;
  }

  public void setPainScore(Integer painScore) {
    this.painScore = painScore;
  }

  public SeverityCategory getSeverity() {
    return severity;
  }

  public void setSeverity(SeverityCategory severity) {
    this.severity = severity;
  }

  public StructuralCause[] getStructuralCauses() {
    return structuralCauses;
  }

  public void setStructuralCauses(StructuralCause[] structuralCauses) {
    this.structuralCauses = structuralCauses;
  }

  public IntensityPreference getIntensityPreference() {
    return intensityPreference;
  }

  public void setIntensityPreference(IntensityPreference intensityPreference) {
    this.intensityPreference = intensityPreference;
  }

  public Lifestyle[] getLifestyles() {
    return lifestyles;
  }

  public void setLifestyles(Lifestyle[] lifestyles) {
    this.lifestyles = lifestyles;
  }

  public BigDecimal getPricePerSession() {
    return pricePerSession;
  }

  public void setPricePerSession(BigDecimal pricePerSession) {
    this.pricePerSession = pricePerSession;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public BigDecimal getMonthlyBudget() {
    return monthlyBudget;
  }

  public void setMonthlyBudget(BigDecimal monthlyBudget) {
    this.monthlyBudget = monthlyBudget;
  }

  public DayOfWeek[] getAvailableDays() {
    return availableDays;
  }

  public void setAvailableDays(DayOfWeek[] availableDays) {
    this.availableDays = availableDays;
  }

  public LocalTime getPreferredTime() {
    return preferredTime;
  }

  public void setPreferredTime(LocalTime preferredTime) {
    this.preferredTime = preferredTime;
  }
}
