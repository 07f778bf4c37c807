package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * PLAN-2: one phase of a plan — kind, start, optional end (inclusive), frequency and session
 * duration (PLAN-5: {@value CarePolicy#MIN_SESSION_MINUTES}–{@value CarePolicy#MAX_SESSION_MINUTES}
 * minutes, else rejected), with the techniques (PLAN-8) and target regions (PLAN-7) of its
 * sessions.
 */
@Embeddable
public class Phase {

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private PhaseKind kind;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Column(name = "sessions_per_period", nullable = false)
  private int sessionsPerPeriod;

  @Column(name = "period_weeks", nullable = false)
  private int periodWeeks;

  @Column(name = "session_minutes", nullable = false)
  private int sessionMinutes;

  @Column(name = "techniques", nullable = false, length = 200)
  private String techniques;

  @Column(name = "target_regions", nullable = false, length = 200)
  private String targetRegions;

  protected Phase() {}

  /**
   * A validated phase; {@code endDate} null means open-ended.
   *
   * @throws InvalidValueException naming the field when a value is out of range (PLAN-5 duration)
   */
  public static Phase of(
      PhaseKind kind,
      LocalDate startDate,
      LocalDate endDate,
      Frequency frequency,
      int sessionMinutes,
      Set<Technique> techniques,
      Set<TargetRegion> targetRegions) {
    Phase phase = new Phase();
    phase.kind = InvalidValueException.required("kind", kind, "INITIAL, TAPER or MAINTENANCE");
    phase.startDate = InvalidValueException.required("startDate", startDate, "a date");
    if (endDate != null && endDate.isBefore(startDate)) {
      throw new InvalidValueException("endDate", endDate, "a date from " + startDate + " on");
    }
    phase.endDate = endDate;
    InvalidValueException.required("frequency", frequency, "sessions per period of weeks");
    phase.sessionsPerPeriod = frequency.sessions();
    phase.periodWeeks = frequency.periodWeeks();
    CarePolicy.checkSessionMinutes(sessionMinutes);
    phase.sessionMinutes = sessionMinutes;
    if (techniques == null || techniques.isEmpty()) {
      throw new InvalidValueException(
          "techniques", "none", "at least one of " + EnumSet.allOf(Technique.class));
    }
    phase.techniques = CodeColumns.toColumn(techniques);
    phase.targetRegions = CodeColumns.toColumn(targetRegions);
    return phase;
  }

  public PhaseKind kind() {
    return kind;
  }

  public LocalDate startDate() {
    return startDate;
  }

  public Optional<LocalDate> endDate() {
    return Optional.ofNullable(endDate);
  }

  public Frequency frequency() {
    return new Frequency(sessionsPerPeriod, periodWeeks);
  }

  public int sessionMinutes() {
    return sessionMinutes;
  }

  public Set<Technique> techniques() {
    return CodeColumns.fromColumn(techniques, Technique.class);
  }

  public Set<TargetRegion> targetRegions() {
    return CodeColumns.fromColumn(targetRegions, TargetRegion.class);
  }

  /** PLAN-6: whether its sessions include deep-tissue or trigger-point work. */
  public boolean intensive() {
    return techniques().stream().anyMatch(Technique::intensive);
  }

  /** Length in whole weeks, rounded up; empty for an open-ended phase. */
  public Optional<Long> lengthInWeeks() {
    return endDate().map(end -> (ChronoUnit.DAYS.between(startDate, end) + 1 + 6) / 7);
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Phase that
        && kind == that.kind
        && startDate.equals(that.startDate)
        && Objects.equals(endDate, that.endDate)
        && sessionsPerPeriod == that.sessionsPerPeriod
        && periodWeeks == that.periodWeeks
        && sessionMinutes == that.sessionMinutes
        && techniques.equals(that.techniques)
        && targetRegions.equals(that.targetRegions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, startDate, endDate, sessionsPerPeriod, periodWeeks, sessionMinutes);
  }

  @Override
  public String toString() {
    return kind
        + " from "
        + startDate
        + (endDate == null ? "" : " to " + endDate)
        + ", "
        + frequency();
  }
}
