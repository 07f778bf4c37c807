package app.lumbra.safety.domain;

import java.util.List;
import java.util.Optional;

/** Port to the stored red-flag screens (SAFE-1). */
public interface RedFlagScreenRepository {

  void add(RedFlagScreen screen);

  /** The plan's newest screen, if any. */
  Optional<RedFlagScreen> currentFor(String carePlanId);

  /** Every screen of the plan, oldest first. */
  List<RedFlagScreen> forPlan(String carePlanId);
}
