package app.lumbra.careplan.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns phases into concrete session date-times on the patient's available weekdays at the
 * preferred time, spreading each period's sessions evenly and keeping the PLAN-6 break between
 * sessions. Where a period cannot hold its sessions, says so instead of squeezing them in.
 */
public final class SessionScheduler {

  private final CarePolicy policy;

  public SessionScheduler(CarePolicy policy) {
    this.policy = policy;
  }

  /** The sessions, and a warning for each period that holds fewer than its frequency asks. */
  public record Schedule(List<PlannedSession> sessions, List<PlanWarning> shortfalls) {}

  /**
   * Schedules every phase up to its end, and open-ended phases up to {@code horizonEnd}
   * (exclusive).
   */
  public Schedule schedule(
      List<Phase> phases,
      Set<DayOfWeek> availableDays,
      LocalTime preferredTime,
      ZoneId zone,
      LocalDate horizonEnd) {
    List<PlannedSession> sessions = new ArrayList<>();
    List<PlanWarning> shortfalls = new ArrayList<>();
    OffsetDateTime previous = null;
    boolean previousIntensive = false;
    for (int index = 0; index < phases.size(); index++) {
      Phase phase = phases.get(index);
      LocalDate phaseEnd = phase.endDate().map(end -> end.plusDays(1)).orElse(horizonEnd);
      if (phaseEnd.isAfter(horizonEnd)) {
        phaseEnd = horizonEnd;
      }
      Frequency frequency = phase.frequency();
      int periodDays = frequency.periodWeeks() * 7;
      for (LocalDate periodStart = phase.startDate();
          periodStart.isBefore(phaseEnd);
          periodStart = periodStart.plusDays(periodDays)) {
        LocalDate periodEnd = periodStart.plusDays(periodDays);
        if (periodEnd.isAfter(phaseEnd)) {
          periodEnd = phaseEnd;
        }
        // A period cut short by the phase end only owes its share of sessions.
        long days = periodStart.until(periodEnd).getDays();
        int owed = (int) Math.round((double) frequency.sessions() * days / periodDays);
        int placed = 0;
        for (int slot = 0; slot < owed; slot++) {
          LocalDate ideal = periodStart.plusDays((long) slot * periodDays / frequency.sessions());
          OffsetDateTime found =
              firstFit(
                  ideal,
                  periodEnd,
                  availableDays,
                  preferredTime,
                  zone,
                  previous,
                  previousIntensive,
                  phase.intensive());
          if (found != null) {
            sessions.add(PlannedSession.of(found, phase.sessionMinutes(), index));
            previous = found;
            previousIntensive = phase.intensive();
            placed++;
          }
        }
        if (placed < owed) {
          shortfalls.add(
              new PlanWarning(
                  "PLAN-6",
                  "phases[" + index + "]",
                  "Only "
                      + placed
                      + " of "
                      + owed
                      + " sessions fit between "
                      + periodStart
                      + " and "
                      + periodEnd.minusDays(1)
                      + " on the available days with the required break between sessions."));
        }
      }
    }
    return new Schedule(sessions, shortfalls);
  }

  private OffsetDateTime firstFit(
      LocalDate from,
      LocalDate until,
      Set<DayOfWeek> availableDays,
      LocalTime time,
      ZoneId zone,
      OffsetDateTime previous,
      boolean previousIntensive,
      boolean intensive) {
    for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
      if (!availableDays.contains(day.getDayOfWeek())) {
        continue;
      }
      OffsetDateTime candidate = day.atTime(time).atZone(zone).toOffsetDateTime();
      if (previous == null
          || !candidate.isBefore(previous.plus(policy.requiredGap(previousIntensive, intensive)))) {
        return candidate;
      }
    }
    return null;
  }
}
