package app.lumbra.session.domain;

import app.lumbra.shared.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Port for storing and finding treatment sessions. */
public interface TreatmentSessionRepository {

  void add(TreatmentSession session);

  /**
   * Writes the changes made to {@code session} now, so that a concurrent change surfaces as a
   * {@link app.lumbra.shared.VersionConflictException} inside the use case.
   */
  void flush(TreatmentSession session);

  Optional<TreatmentSession> find(String id);

  /** Like {@link #find} but the session must exist. */
  default TreatmentSession get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("TreatmentSession", id));
  }

  /** One page of the sessions matching {@code criteria}. */
  List<TreatmentSession> search(SessionCriteria criteria, int offset, int limit);

  long count(SessionCriteria criteria);

  /** The sessions of a care plan by scheduled time. */
  List<TreatmentSession> forPlan(String carePlanId);

  /** The sessions of a patient by scheduled time. */
  List<TreatmentSession> forPatient(String patientId);
}
