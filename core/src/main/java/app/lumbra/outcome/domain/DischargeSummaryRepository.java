package app.lumbra.outcome.domain;

import java.util.Optional;

/** Port to the discharge summaries (OUT-3), one per care plan. */
public interface DischargeSummaryRepository {

  void add(DischargeSummary summary);

  Optional<DischargeSummary> forPlan(String carePlanId);
}
