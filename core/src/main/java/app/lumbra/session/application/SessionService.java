package app.lumbra.session.application;

import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.observation.domain.SymptomObservationRepository;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.session.domain.PerformedSession;
import app.lumbra.session.domain.SessionCriteria;
import app.lumbra.session.domain.SessionDuration;
import app.lumbra.session.domain.TreatmentSession;
import app.lumbra.session.domain.TreatmentSessionRepository;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.PageRequest;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.SessionLength;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Treatment session use cases for the FHIR adapter and the portal (OBS-3). Each method is one
 * transaction; a rejected command stores nothing. Every accepted change fires {@link
 * SessionChanged} inside that transaction, whichever channel made it.
 *
 * <p>Pain before and after an attended session is stored once, as PRE_SESSION / POST_SESSION pain
 * readings of the session, which the session names; its views read the scores from them. Every pain
 * score is so one observation to search, chart and exchange.
 */
@ApplicationScoped
@Transactional
public class SessionService {

  private TreatmentSessionRepository sessions;
  private SymptomObservationRepository observations;
  private Clock clock;
  private Event<SessionChanged> changes;
  private SafetyService safety;

  /** For the CDI proxy only. */
  protected SessionService() {}

  @Inject
  public SessionService(
      TreatmentSessionRepository sessions,
      SymptomObservationRepository observations,
      Clock clock,
      Event<SessionChanged> changes,
      SafetyService safety) {
    this.sessions = sessions;
    this.observations = observations;
    this.clock = clock;
    this.changes = changes;
    this.safety = safety;
  }

  /**
   * Plans a session.
   *
   * @throws InvalidValueException for a duration outside 30–60 minutes (PLAN-5) or no target region
   *     (PLAN-7)
   * @throws IdInUseException when the requested id is already a session's (FHIR-8)
   * @throws RuleViolationException naming SAFE-1 when booking a future session while the plan's
   *     red-flag screen is positive
   */
  public SessionView schedule(@NotNull @Valid ScheduleSession command) {
    requireUnused(command.id());
    // SAFE-1 blocks booking, not recording: a planned time already past (say, to record that the
    // patient did not come) is what happened.
    if (command.carePlanId() != null
        && command.scheduledAt() != null
        && command.scheduledAt().isAfter(OffsetDateTime.now(clock))) {
      safety.checkBooking(command.carePlanId());
    }
    TreatmentSession session =
        TreatmentSession.schedule(
            command.id(),
            command.carePlanId(),
            command.patientId(),
            command.scheduledAt(),
            command.plannedDurationMinutes() == null
                ? null
                : SessionDuration.planned(command.plannedDurationMinutes()),
            command.techniques(),
            command.targetRegions(),
            clock);
    sessions.add(session);
    return changed(null, view(session));
  }

  /**
   * Records that a planned session took place, with its pain scores and readings. Never refused by
   * a safety rule (SAFE-1, SAFE-2): a session given anyway raises a red-flag alert instead.
   *
   * @throws NotFoundException when there is no such session
   * @throws VersionConflictException when the session changed since {@code expectedVersion}
   * @throws RuleViolationException when the session is no longer planned (OBS-3)
   * @throws InvalidValueException for any invalid value (OBS-4, PLAN-5, PLAN-7)
   */
  public SessionView recordAttended(@NotNull @Valid RecordAttendedSession command) {
    TreatmentSession session = current(command.sessionId(), command.expectedVersion());
    SessionView previous = view(session);
    Attended attended = attended(command.performed());
    session.recordAttended(attended.performed(), clock);
    sessions.flush(session);
    return changed(previous, recordReadings(session, command.performed(), attended));
  }

  /**
   * Records a session that took place without having been scheduled here, e.g. from an EHR.
   *
   * @throws IdInUseException when the requested id is already a session's (FHIR-8)
   */
  public SessionView recordUnscheduled(@NotNull @Valid RecordUnscheduledSession command) {
    requireUnused(command.id());
    Attended attended = attended(command.performed());
    TreatmentSession session =
        TreatmentSession.recordUnscheduled(
            command.id(), command.carePlanId(), command.patientId(), attended.performed(), clock);
    sessions.add(session);
    return changed(null, recordReadings(session, command.performed(), attended));
  }

  /** FHIR-8: a session id a client chose must not be another session's. */
  private void requireUnused(String requestedId) {
    if (requestedId != null && sessions.find(requestedId).isPresent()) {
      throw new IdInUseException("Session", requestedId);
    }
  }

  /** The patient did not come (OBS-3); only once the session is due. */
  public SessionView markMissed(@NotNull @Valid MarkSessionMissed command) {
    TreatmentSession session = current(command.sessionId(), command.expectedVersion());
    SessionView previous = view(session);
    session.markMissed(command.reason(), clock);
    sessions.flush(session);
    return changed(previous, view(session));
  }

  /** The session will not take place (OBS-3); by the clinic unless the command says otherwise. */
  public SessionView cancel(@NotNull @Valid CancelSession command) {
    TreatmentSession session = current(command.sessionId(), command.expectedVersion());
    SessionView previous = view(session);
    session.cancel(command.reason(), command.cancelledBy(), clock);
    sessions.flush(session);
    return changed(previous, view(session));
  }

  /** Whether a session has this id; never marks the caller's transaction for rollback. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(@NotNull String sessionId) {
    return sessions.find(sessionId).isPresent();
  }

  /** The session with this id; throws {@link NotFoundException} when there is none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SessionView get(@NotNull String sessionId) {
    return view(sessions.get(sessionId));
  }

  /** A page of the sessions matching {@code criteria}, with the total count. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SessionPage search(@NotNull SessionCriteria criteria, int offset, int limit) {
    PageRequest.of(offset, limit);
    List<SessionView> page = views(sessions.search(criteria, offset, limit));
    return new SessionPage(page, offset, limit, sessions.count(criteria));
  }

  /** The sessions of a care plan by scheduled time. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SessionView> listForPlan(@NotNull String carePlanId) {
    return views(sessions.forPlan(carePlanId));
  }

  /** The sessions of a patient by scheduled time. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SessionView> listForPatient(@NotNull String patientId) {
    return views(sessions.forPatient(patientId));
  }

  private SessionView changed(SessionView previous, SessionView current) {
    changes.fire(new SessionChanged(previous, current));
    return current;
  }

  /** The session with its pain before and after, read from the readings it names (OBS-1). */
  private SessionView view(TreatmentSession session) {
    return SessionView.of(
        session, painOf(session.prePainReadingId()), painOf(session.postPainReadingId()));
  }

  /** Like {@link #view} for many sessions, their pain readings read in one go. */
  private List<SessionView> views(List<TreatmentSession> found) {
    Set<String> readingIds = new HashSet<>();
    for (TreatmentSession session : found) {
      session.prePainReadingId().ifPresent(readingIds::add);
      session.postPainReadingId().ifPresent(readingIds::add);
    }
    Map<String, PainScore> pain = new HashMap<>();
    for (SymptomObservation reading : observations.withIds(readingIds)) {
      if (reading.reading() instanceof PainScore score) {
        pain.put(reading.id(), score);
      }
    }
    return found.stream()
        .map(
            session ->
                SessionView.of(
                    session,
                    session.prePainReadingId().map(pain::get).orElse(null),
                    session.postPainReadingId().map(pain::get).orElse(null)))
        .toList();
  }

  private PainScore painOf(Optional<String> readingId) {
    return readingId
        .flatMap(observations::find)
        .map(SymptomObservation::reading)
        .filter(PainScore.class::isInstance)
        .map(PainScore.class::cast)
        .orElse(null);
  }

  private TreatmentSession current(String sessionId, Long expectedVersion) {
    TreatmentSession session = sessions.get(sessionId);
    if (expectedVersion != null) {
      session.expectVersion(expectedVersion);
    }
    return session;
  }

  /** What was done in a session and the pain before and after it, each value checked. */
  private record Attended(PerformedSession performed, PainScore pre, PainScore post) {}

  private static Attended attended(PerformedSessionData data) {
    for (SessionReading reading : data.readings()) {
      if (!reading.context().isSessionContext()) {
        throw new InvalidValueException(
            "readings.context", reading.context(), "PRE_SESSION or POST_SESSION");
      }
    }
    InvalidValueException.required(
        SessionDuration.FIELD, data.durationMinutes(), SessionLength.RECORDED_ALLOWED);
    PainScore pre = data.prePain() == null ? null : PainScore.of("prePain", data.prePain());
    PainScore post = data.postPain() == null ? null : PainScore.of("postPain", data.postPain());
    return new Attended(
        new PerformedSession(
            data.performedAt(),
            SessionDuration.ofMinutes(data.durationMinutes()),
            data.therapist(),
            data.techniques(),
            data.targetRegions(),
            data.notes().toDomain()),
        pre,
        post);
  }

  /**
   * Stores the pain before and after and the further readings as readings of the session, and has
   * the session name its pain readings: the one place a session's pain is kept (OBS-1).
   */
  private SessionView recordReadings(
      TreatmentSession session, PerformedSessionData data, Attended attended) {
    OffsetDateTime start = session.performedAt().orElseThrow();
    OffsetDateTime end = start.plusMinutes(data.durationMinutes());
    SymptomObservation pre =
        attended.pre() == null
            ? null
            : add(session, ReadingContext.PRE_SESSION, start, attended.pre(), data);
    SymptomObservation post =
        attended.post() == null
            ? null
            : add(session, ReadingContext.POST_SESSION, end, attended.post(), data);
    for (SessionReading reading : data.readings()) {
      boolean before = reading.context() == ReadingContext.PRE_SESSION;
      add(session, reading.context(), before ? start : end, reading.reading(), data);
    }
    session.referToPainReadings(pre, post);
    return SessionView.of(session, attended.pre(), attended.post());
  }

  // A post-session reading is effective at the end of the session, which may lie a little in the
  // future when a session is recorded while it ends; it is then dated now instead.
  private SymptomObservation add(
      TreatmentSession session,
      ReadingContext context,
      OffsetDateTime at,
      SymptomReading reading,
      PerformedSessionData data) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(at.getOffset());
    SymptomObservation observation =
        SymptomObservation.record(
            session.patientId(),
            session.carePlanId(),
            session.id(),
            context,
            data.source(),
            at.isAfter(now) ? now : at,
            reading,
            clock);
    observations.add(observation);
    return observation;
  }
}
