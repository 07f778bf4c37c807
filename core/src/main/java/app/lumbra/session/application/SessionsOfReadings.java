package app.lumbra.session.application;

import app.lumbra.observation.domain.ReadingSessions;
import app.lumbra.session.domain.TreatmentSession;
import app.lumbra.session.domain.TreatmentSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tells the observation module whose a session is, from the stored sessions. */
@ApplicationScoped
public class SessionsOfReadings implements ReadingSessions {

  private TreatmentSessionRepository sessions;

  /** For the CDI proxy only. */
  protected SessionsOfReadings() {}

  @Inject
  public SessionsOfReadings(TreatmentSessionRepository sessions) {
    this.sessions = sessions;
  }

  @Override
  public SessionOwners get(String sessionId) {
    TreatmentSession session = sessions.get(sessionId);
    return new SessionOwners(session.id(), session.patientId(), session.carePlanId());
  }
}
