package app.lumbra.careteam.domain;

import java.util.Objects;

/**
 * Who may see a patient (PRODUCT §7): administrators see every patient; anyone else sees a patient
 * only when the patient's care team is their own. A patient of no team is seen by people of no team
 * (and administrators), so unassigned data never reaches a team it was not given to.
 */
public final class CareTeamRule {

  private CareTeamRule() {}

  public static boolean maySee(boolean administrator, String viewerTeam, String patientTeam) {
    return administrator || Objects.equals(blankToNull(viewerTeam), blankToNull(patientTeam));
  }

  private static String blankToNull(String team) {
    return team == null || team.isBlank() ? null : team.strip();
  }
}
