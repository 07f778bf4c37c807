package app.lumbra.web.portal.plans;

import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.domain.PhaseKind;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import app.lumbra.web.portal.PortalForms;
import java.io.Serializable;
import java.time.LocalDate;

/** One phase as the form edits it (PLAN-2, PLAN-5, PLAN-7, PLAN-8). */
public class PhaseRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private PhaseKind kind;
  private LocalDate startDate;
  private LocalDate endDate;
  private int sessionsPerPeriod;
  private int periodWeeks;
  private int sessionMinutes;
  private Technique[] techniques;
  private TargetRegion[] targetRegions;

  static PhaseRow of(PhaseData data) {
    PhaseRow row = new PhaseRow();
    row.kind = data.kind();
    row.startDate = data.startDate();
    row.endDate = data.endDate();
    row.sessionsPerPeriod = data.sessionsPerPeriod();
    row.periodWeeks = data.periodWeeks();
    row.sessionMinutes = data.sessionMinutes();
    row.techniques = data.techniques().toArray(Technique[]::new);
    row.targetRegions = data.targetRegions().toArray(TargetRegion[]::new);
    return row;
  }

  PhaseData toData() {
    return new PhaseData(
        kind,
        startDate,
        endDate,
        sessionsPerPeriod,
        periodWeeks,
        sessionMinutes,
        PortalForms.enumSet(Technique.class, techniques),
        PortalForms.enumSet(TargetRegion.class, targetRegions));
  }

  public PhaseKind getKind() {
    return kind;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public void setEndDate(LocalDate endDate) {
    this.endDate = endDate;
  }

  public int getSessionsPerPeriod() {
    return sessionsPerPeriod;
  }

  public void setSessionsPerPeriod(int sessionsPerPeriod) {
    this.sessionsPerPeriod = sessionsPerPeriod;
  }

  public int getPeriodWeeks() {
    return periodWeeks;
  }

  public void setPeriodWeeks(int periodWeeks) {
    this.periodWeeks = periodWeeks;
  }

  public int getSessionMinutes() {
    return sessionMinutes;
  }

  public void setSessionMinutes(int sessionMinutes) {
    this.sessionMinutes = sessionMinutes;
  }

  public Technique[] getTechniques() {
    return techniques;
  }

  public void setTechniques(Technique[] techniques) {
    this.techniques = techniques;
  }

  public TargetRegion[] getTargetRegions() {
    return targetRegions;
  }

  public void setTargetRegions(TargetRegion[] targetRegions) {
    this.targetRegions = targetRegions;
  }
}
