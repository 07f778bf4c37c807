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
    return schedule(phases, availableDays, preferredTime, zone, horizonEnd, null, List.of());
  }

  /**
   * As {@link #schedule(List, Set, LocalTime, ZoneId, LocalDate)}, but never before {@code
   * notBefore} (null: no limit): a session is never booked in the past, and the share of a period
   * that is already over owes no sessions. {@code kept} are sessions before {@code notBefore} that
   * stay as they are (a plan's history); the first new session keeps the PLAN-6 break after the
   * last of them.
   */
  public Schedule schedule(
      List<Phase> phases,
      Set<DayOfWeek> availableDays,
      LocalTime preferredTime,
      ZoneId zone,
      LocalDate horizonEnd,
      OffsetDateTime notBefore,
      List<PlannedSession> kept) {
    List<PlannedSession> sessions = new ArrayList<>(kept);
    List<PlanWarning> shortfalls = new ArrayList<>();
    OffsetDateTime previous = null;
    boolean previousIntensive = false;
    if (!kept.isEmpty()) {
      PlannedSession last = kept.get(kept.size() - 1);
      previous = last.startsAt();
      previousIntensive =
          last.phaseIndex() < phases.size() && phases.get(last.phaseIndex()).intensive();
    }
    LocalDate firstDay = notBefore == null ? null : notBefore.atZoneSameInstant(zone).toLocalDate();
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
        if (firstDay != null && !periodEnd.isAfter(firstDay)) {
          continue;
        }
        // A period cut short by the phase end only owes its share of sessions.
        long days = periodStart.until(periodEnd).getDays();
        int owed = (int) Math.round((double) frequency.sessions() * days / periodDays);
        int placed = 0;
        int skipped = 0;
        for (int slot = 0; slot < owed; slot++) {
          LocalDate ideal = periodStart.plusDays((long) slot * periodDays / frequency.sessions());
          if (firstDay != null && ideal.isBefore(firstDay)) {
            // Already over: what happened then is the plan's history, not a session to book.
            skipped++;
            continue;
          }
          OffsetDateTime found =
              firstFit(
                  ideal,
                  periodEnd,
                  availableDays,
                  preferredTime,
                  zone,
                  notBefore,
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
        owed -= skipped;
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

  /**
   * PLAN-13: the plan's sessions again from its (edited) phases, from {@code now} on: the sessions
   * from now on follow the phases, the patient's available days and preferred time, and none is
   * booked in the past. A stored plan keeps its sessions before now ({@code keepPast}: they are its
   * history); a new plan has none.
   */
  public Schedule reschedule(
      CarePlanContent plan, OffsetDateTime now, ZoneId zone, boolean keepPast) {
    List<PlannedSession> kept =
        keepPast
            ? plan.sessions().stream().filter(session -> session.startsAt().isBefore(now)).toList()
            : List.of();
    LocalDate start = plan.phases().get(0).startDate();
    LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
    LocalDate horizon =
        (start.isAfter(today) ? start : today).plusWeeks(policy.settings().scheduleWeeks());
    return schedule(
        plan.phases(),
        plan.factors().availableDays(),
        plan.factors().preferredTime(),
        zone,
        horizon,
        now,
        kept);
  }

  private OffsetDateTime firstFit(
      LocalDate from,
      LocalDate until,
      Set<DayOfWeek> availableDays,
      LocalTime time,
      ZoneId zone,
      OffsetDateTime notBefore,
      OffsetDateTime previous,
      boolean previousIntensive,
      boolean intensive) {
    for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
      if (!availableDays.contains(day.getDayOfWeek())) {
        continue;
      }
      OffsetDateTime candidate = day.atTime(time).atZone(zone).toOffsetDateTime();
      if (notBefore != null && candidate.isBefore(notBefore)) {
        continue;
      }
      if (previous == null
          || !candidate.isBefore(previous.plus(policy.requiredGap(previousIntensive, intensive)))) {
        return candidate;
      }
    }
    return null;
  }
}
