package app.lumbra.careteam.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The care team a patient belongs to. Rules: one team per patient, a team name of 1–64 characters;
 * a patient without an assignment belongs to no team. Lifecycle: assigned, then {@link #moveTo
 * moved} to another team.
 */
@Entity
@Table(name = "patient_care_team")
public class CareTeamAssignment {

  @Id
  @Column(name = "patient_id", length = 64)
  private String patientId;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "care_team", nullable = false, length = 64)
  private String careTeam;

  @Column(name = "assigned_at", nullable = false)
  private OffsetDateTime assignedAt;

  protected CareTeamAssignment() {
    // for JPA
  }

  public static CareTeamAssignment assign(String patientId, String careTeam, Clock clock) {
    CareTeamAssignment assignment = new CareTeamAssignment();
    assignment.patientId = patientId;
    assignment.moveTo(careTeam, clock);
    return assignment;
  }

  public void moveTo(String team, Clock clock) {
    if (team == null || team.isBlank() || team.length() > 64) {
      throw new InvalidValueException("careTeam", team, "1–64 characters");
    }
    careTeam = team.strip();
    assignedAt = OffsetDateTime.now(clock);
  }

  public String patientId() {
    return patientId;
  }

  public String careTeam() {
    return careTeam;
  }
}
