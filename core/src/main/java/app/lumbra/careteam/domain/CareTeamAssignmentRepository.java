package app.lumbra.careteam.domain;

import java.util.Optional;

/** Port to the stored care team assignments. */
public interface CareTeamAssignmentRepository {

  Optional<CareTeamAssignment> find(String patientId);

  void add(CareTeamAssignment assignment);
}
