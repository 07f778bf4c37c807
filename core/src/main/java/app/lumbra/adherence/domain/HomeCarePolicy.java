package app.lumbra.adherence.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** ADH-3 Home care: share of days with home care done, per task. */
public final class HomeCarePolicy {

  private HomeCarePolicy() {}

  /**
   * One line per task of the plan, plus any logged task the plan no longer lists; days count from
   * the plan's start to today, both included, leaving out the days the plan was not active at all
   * (on hold, completed or revoked): home care is not expected then, done or not.
   */
  public static List<HomeCareAdherence> perTask(AdherenceSnapshot snapshot, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    LocalDate start = snapshot.planStart();
    Set<LocalDate> activeDays = new HashSet<>();
    for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
      LocalDate d = day;
      if (snapshot.stoppedPeriods().stream().noneMatch(p -> p.coversWholeDay(d, clock.getZone()))) {
        activeDays.add(day);
      }
    }
    int elapsed = activeDays.size();
    Set<String> tasks = new LinkedHashSet<>(snapshot.homeCareTaskIds());
    snapshot.homeCare().forEach(day -> tasks.add(day.taskId()));
    return tasks.stream()
        .map(
            task -> {
              Set<LocalDate> doneDays = new HashSet<>();
              for (HomeCareDay day : snapshot.homeCare()) {
                if (day.taskId().equals(task) && day.done() && activeDays.contains(day.day())) {
                  doneDays.add(day.day());
                }
              }
              double share = elapsed == 0 ? 0.0 : (double) doneDays.size() / elapsed;
              return new HomeCareAdherence(task, doneDays.size(), elapsed, share);
            })
        .toList();
  }
}
