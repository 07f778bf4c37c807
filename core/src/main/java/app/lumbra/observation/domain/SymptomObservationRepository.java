package app.lumbra.observation.domain;

import app.lumbra.shared.NotFoundException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port for storing and finding symptom readings. */
public interface SymptomObservationRepository {

  void add(SymptomObservation observation);

  Optional<SymptomObservation> find(String id);

  /**
   * The reading to change within the current transaction, including one added in it and not yet
   * written ({@link #find} answers readings as stored, read-only).
   */
  Optional<SymptomObservation> findForChange(String id);

  /** The stored readings with these ids, in no particular order; unknown ids are left out. */
  List<SymptomObservation> withIds(Collection<String> ids);

  /** Like {@link #find} but the reading must exist. */
  default SymptomObservation get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("Observation", id));
  }

  /** One page of readings matching {@code criteria}, oldest effective time first. */
  List<SymptomObservation> search(ObservationCriteria criteria, int offset, int limit);

  long count(ObservationCriteria criteria);

  /** One page of readings matching {@code criteria}, in its order. */
  List<SymptomObservation> search(ReadingCriteria criteria, int offset, int limit);

  long count(ReadingCriteria criteria);

  /** Every reading of {@code code} in a care plan, oldest first (for progress analysis). */
  List<SymptomObservation> forPlan(String carePlanId, ObservationCode code);

  /**
   * Every reading of {@code code} of a patient effective at or after {@code from}, oldest first.
   */
  List<SymptomObservation> forPatient(String patientId, ObservationCode code, OffsetDateTime from);

  /** The readings taken at a session, pre and post. */
  List<SymptomObservation> forSession(String sessionId);
}
