package app.lumbra.condition.domain;

import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Port to the stored structural findings (PLAN-11); JPA implementation in persistence. */
public interface StructuralFindingRepository {

  Optional<StructuralFinding> find(String id);

  /** The finding with this id; throws {@link NotFoundException} when there is none. */
  default StructuralFinding get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("StructuralFinding", id));
  }

  /** The patient's current findings, oldest first. */
  List<StructuralFinding> currentFor(PatientId patient);

  void add(StructuralFinding finding);
}
