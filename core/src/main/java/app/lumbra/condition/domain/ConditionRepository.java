package app.lumbra.condition.domain;

import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Port to the stored conditions; the JPA implementation lives in {@code condition.persistence}. */
public interface ConditionRepository {

  Optional<Condition> find(ConditionId id);

  /** The condition with this id; throws {@link NotFoundException} when there is none. */
  default Condition get(ConditionId id) {
    return find(id).orElseThrow(() -> new NotFoundException("Condition", id));
  }

  /** The patient's conditions, most recent onset first. */
  List<Condition> listForPatient(PatientId patient);

  /**
   * One page of conditions, of one patient when {@code patient} is given, most recent onset first.
   */
  List<Condition> search(PatientId patient, ConditionOrder order, int offset, int limit);

  /** How many conditions {@link #search} pages through. */
  long count(PatientId patient);

  void add(Condition condition);

  /** Writes pending changes now; a concurrent change surfaces as a version conflict. */
  void flush(Condition condition);
}
