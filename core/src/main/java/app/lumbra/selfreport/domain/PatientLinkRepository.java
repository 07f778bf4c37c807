package app.lumbra.selfreport.domain;

import java.util.List;
import java.util.Optional;

/** Port to the patient links (OUT-5). */
public interface PatientLinkRepository {

  void add(PatientLink link);

  /** The link whose token has this hash. */
  Optional<PatientLink> byTokenHash(String tokenHash);

  /** The plan's links, newest first. */
  List<PatientLink> forPlan(String carePlanId);
}
