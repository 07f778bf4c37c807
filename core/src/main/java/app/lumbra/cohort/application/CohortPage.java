package app.lumbra.cohort.application;

import java.util.List;

/** A page of cohorts and how many match in all. */
public record CohortPage(List<CohortView> cohorts, long total) {

  public CohortPage {
    cohorts = List.copyOf(cohorts);
  }
}
