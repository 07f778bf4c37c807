package app.lumbra.cohort.application;

import app.lumbra.cohort.domain.Cohort;
import java.time.OffsetDateTime;
import java.util.List;

/** A cohort as it is read: its version, name (null for none) and member patient ids. */
public record CohortView(
    String id, long version, String name, List<String> members, OffsetDateTime lastUpdated) {

  public CohortView {
    members = List.copyOf(members);
  }

  static CohortView of(Cohort cohort) {
    return new CohortView(
        cohort.id(), cohort.version(), cohort.name(), cohort.members(), cohort.lastUpdated());
  }
}
