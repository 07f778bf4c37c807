package app.lumbra.homecare.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port for storing and finding home-care log entries. */
public interface HomeCareLogRepository {

  void add(HomeCareLogEntry entry);

  Optional<HomeCareLogEntry> find(String carePlanId, String taskId, LocalDate day);

  /** Every entry of a care plan, by day. */
  List<HomeCareLogEntry> forPlan(String carePlanId);
}
