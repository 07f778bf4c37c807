package app.lumbra.patient.domain;

/**
 * Which patients a viewer may find in a list (care teams): everybody (administrators), the patients
 * of one care team, the patients of no team (viewers without a team), or nobody (unknown or
 * disabled viewers). Lists filter in the query, so their totals and pages count only what the
 * viewer may see.
 */
public record VisiblePatients(Kind kind, String careTeam) {

  /** The four kinds of reach. */
  public enum Kind {
    ALL,
    TEAM,
    NO_TEAM,
    NONE
  }

  public VisiblePatients {
    if (kind == Kind.TEAM && (careTeam == null || careTeam.isBlank())) {
      throw new IllegalArgumentException("a TEAM reach needs a care team");
    }
    careTeam = kind == Kind.TEAM ? careTeam.strip() : null;
  }

  public static VisiblePatients all() {
    return new VisiblePatients(Kind.ALL, null);
  }

  /** The patients of {@code careTeam}; a blank team means the patients of no team. */
  public static VisiblePatients ofTeam(String careTeam) {
    return careTeam == null || careTeam.isBlank()
        ? new VisiblePatients(Kind.NO_TEAM, null)
        : new VisiblePatients(Kind.TEAM, careTeam);
  }

  public static VisiblePatients none() {
    return new VisiblePatients(Kind.NONE, null);
  }
}
