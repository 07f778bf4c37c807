package app.lumbra.observation.application;

import app.lumbra.observation.domain.ObservationCriteria;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.observation.domain.ReadingSessions;
import app.lumbra.observation.domain.ReadingSessions.SessionOwners;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.observation.domain.SymptomObservationRepository;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Symptom reading use cases for the FHIR adapter and the portal (OBS-1, OBS-2, OBS-4). Each method
 * is one transaction; a rejected reading stores nothing.
 */
@ApplicationScoped
@Transactional
public class ObservationService {

  private SymptomObservationRepository observations;
  private ReadingSessions sessions;
  private Clock clock;

  /** For the CDI proxy only. */
  protected ObservationService() {}

  @Inject
  public ObservationService(
      SymptomObservationRepository observations, ReadingSessions sessions, Clock clock) {
    this.observations = observations;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Records a reading. A reading of a session must be of that session's patient and care plan.
   *
   * @throws InvalidValueException when a value is missing, out of range or in the future (OBS-4)
   * @throws NotFoundException when the session named does not exist
   * @throws IdInUseException when the requested id is already a reading's (FHIR-8)
   */
  public ObservationView record(@NotNull @Valid RecordReading command) {
    if (command.id() != null && observations.find(command.id()).isPresent()) {
      throw new IdInUseException("Observation", command.id());
    }
    String carePlanId = command.carePlanId();
    if (command.sessionId() != null) {
      SessionOwners session = sessions.get(command.sessionId());
      if (!session.patientId().equals(command.patientId())) {
        throw new InvalidValueException(
            "patientId", command.patientId(), "the patient of session " + session.sessionId());
      }
      if (carePlanId == null) {
        carePlanId = session.carePlanId();
      } else if (!carePlanId.equals(session.carePlanId())) {
        throw new InvalidValueException(
            "carePlanId", carePlanId, "the care plan of session " + session.sessionId());
      }
    }
    SymptomObservation observation =
        SymptomObservation.record(
            command.id(),
            command.patientId(),
            carePlanId,
            command.sessionId(),
            command.context(),
            command.source(),
            command.effectiveAt(),
            command.reading(),
            clock);
    observations.add(observation);
    return ObservationView.of(observation);
  }

  /**
   * Notes that the partner's document is kept beside the reading just recorded (FHIR-1), in the
   * recording's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void notePartnerDocument(@NotNull String observationId) {
    observations
        .findForChange(observationId)
        .orElseThrow(() -> new NotFoundException("Observation", observationId))
        .notePartnerDocument();
  }

  /**
   * Whether a reading has this id (update-as-create asks); never marks the caller's transaction for
   * rollback, unlike {@link #get}.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(@NotNull String observationId) {
    return observations.find(observationId).isPresent();
  }

  /** The reading with this id, if there is one; never marks the caller's transaction. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ObservationView> find(@NotNull String observationId) {
    return observations.find(observationId).map(ObservationView::of);
  }

  /** The reading with this id; throws {@link NotFoundException} when there is none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ObservationView get(@NotNull String observationId) {
    return ObservationView.of(observations.get(observationId));
  }

  /** A page of the readings of a patient and/or care plan, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ObservationPage list(@NotNull ObservationQuery query) {
    PageRequest.of(query.offset(), query.limit());
    ObservationCriteria criteria =
        new ObservationCriteria(
            query.patientId(),
            query.carePlanId(),
            query.code(),
            query.context(),
            query.from(),
            query.to());
    List<ObservationView> page =
        observations.search(criteria, query.offset(), query.limit()).stream()
            .map(ObservationView::of)
            .toList();
    return new ObservationPage(page, query.offset(), query.limit(), observations.count(criteria));
  }

  /** A page of the readings matching {@code criteria}, with the total count. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ObservationPage search(@NotNull ReadingCriteria criteria, int offset, int limit) {
    return search(criteria, offset, limit, true);
  }

  /**
   * A page of the readings matching {@code criteria}; with {@code countTotal} false the total is
   * not counted (FHIR {@code _total=none}). Counting runs a second query only when this page does
   * not already tell the total: a page that is not full ends the matches.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ObservationPage search(
      @NotNull ReadingCriteria criteria, int offset, int limit, boolean countTotal) {
    PageRequest.of(offset, limit);
    List<ObservationView> page =
        observations.search(criteria, offset, limit).stream().map(ObservationView::of).toList();
    boolean pageEndsTheMatches = page.size() < limit && (offset == 0 || !page.isEmpty());
    if (pageEndsTheMatches) {
      return new ObservationPage(page, offset, limit, offset + page.size());
    }
    if (!countTotal) {
      return new ObservationPage(page, offset, limit, offset + page.size(), false);
    }
    return new ObservationPage(page, offset, limit, observations.count(criteria));
  }

  /** The readings taken at a session (pre and post), oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ObservationView> forSession(@NotNull String sessionId) {
    return observations.forSession(sessionId).stream().map(ObservationView::of).toList();
  }
}
