package app.lumbra.safety.domain;

import java.util.Optional;

/** Port to the stored contraindication checklists (SAFE-2). */
public interface ContraindicationChecklistRepository {

  void add(ContraindicationChecklist checklist);

  /** The patient's newest checklist, if any. */
  Optional<ContraindicationChecklist> currentFor(String patientId);
}
