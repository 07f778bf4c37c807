package app.lumbra.safety.domain;

import java.util.List;

/** Port to the stored adverse responses (SAFE-3). */
public interface AdverseResponseRepository {

  void add(AdverseResponse response);

  /** The plan's adverse responses, by the day they were noticed. */
  List<AdverseResponse> forPlan(String carePlanId);
}
