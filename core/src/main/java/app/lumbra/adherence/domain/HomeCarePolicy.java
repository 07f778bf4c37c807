package app.lumbra.adherence.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** ADH-3 Home care: share of days with home care done, per task. */
public final class HomeCarePolicy {

  private HomeCarePolicy() {}

  /**
   * One line per task of the plan, plus any logged task the plan no longer lists; days count from
   * the plan's start to today, both included.
   */
  public static List<HomeCareAdherence> perTask(AdherenceSnapshot snapshot, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    LocalDate start = snapshot.planStart();
    int elapsed = today.isBefore(start) ? 0 : (int) ChronoUnit.DAYS.between(start, today) + 1;
    Set<String> tasks = new LinkedHashSet<>(snapshot.homeCareTaskIds());
    snapshot.homeCare().forEach(day -> tasks.add(day.taskId()));
    return tasks.stream()
        .map(
            task -> {
              Set<LocalDate> doneDays = new HashSet<>();
              for (HomeCareDay day : snapshot.homeCare()) {
                if (day.taskId().equals(task)
                    && day.done()
                    && !day.day().isBefore(start)
                    && !day.day().isAfter(today)) {
                  doneDays.add(day.day());
                }
              }
              double share = elapsed == 0 ? 0.0 : (double) doneDays.size() / elapsed;
              return new HomeCareAdherence(task, doneDays.size(), elapsed, share);
            })
        .toList();
  }
}
