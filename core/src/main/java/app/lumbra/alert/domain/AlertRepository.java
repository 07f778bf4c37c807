package app.lumbra.alert.domain;

import app.lumbra.shared.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Port to the stored alerts (SAFE-4). */
public interface AlertRepository {

  Optional<Alert> find(String id);

  /** The alert with this id; throws {@link NotFoundException} when there is none. */
  default Alert get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("Alert", id));
  }

  /**
   * Holds the plan's row until the transaction ends, so that two refreshes of the same plan's
   * alerts (two first reads at once) run one after the other instead of both raising the same
   * alert.
   */
  void lockPlan(String carePlanId);

  void add(Alert alert);

  /** Every alert of the plan, current or not. */
  List<Alert> forPlan(String carePlanId);

  /** A page matching {@code criteria}, newest first. */
  List<Alert> search(AlertCriteria criteria, int offset, int limit);

  long count(AlertCriteria criteria);
}
