package app.lumbra.cohort.application;

import java.util.List;

/** A cohort as a client sends it: an optional name and the member patients' ids, in order. */
public record SaveCohort(String name, List<String> members) {

  public SaveCohort {
    members = members == null ? List.of() : List.copyOf(members);
  }
}
