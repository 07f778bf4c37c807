package app.lumbra.observation.domain;

import app.lumbra.shared.NotFoundException;

/**
 * Port to the treatment sessions readings are taken at. The session module implements it, so that
 * readings need not know sessions while sessions name their readings.
 */
public interface ReadingSessions {

  /** The patient and care plan a session belongs to. */
  record SessionOwners(String sessionId, String patientId, String carePlanId) {}

  /**
   * The patient and care plan of a session.
   *
   * @throws NotFoundException when there is no such session
   */
  SessionOwners get(String sessionId);
}
