package app.lumbra.cohort.domain;

import java.util.List;
import java.util.Optional;

/** Port to the stored cohorts. */
public interface CohortRepository {

  Optional<Cohort> find(String id);

  void add(Cohort cohort);

  /** Stores a replaced cohort as its next version. */
  void replaced(Cohort cohort);

  /** A page of the cohorts, by id; {@code id} (optional) keeps the one of that id. */
  List<Cohort> search(String id, int offset, int limit);

  long count(String id);
}
