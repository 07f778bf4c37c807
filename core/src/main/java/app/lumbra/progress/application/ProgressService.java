package app.lumbra.progress.application;

import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.adherence.domain.HomeCareDay;
import app.lumbra.homecare.domain.HomeCareLogRepository;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.observation.domain.SymptomObservationRepository;
import app.lumbra.progress.domain.LegPainReading;
import app.lumbra.progress.domain.PainReading;
import app.lumbra.progress.domain.ProgressAnalysis;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressSnapshot;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.progress.domain.SessionFact;
import app.lumbra.session.domain.CancelledBy;
import app.lumbra.session.domain.TreatmentSession;
import app.lumbra.session.domain.TreatmentSessionRepository;
import app.lumbra.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The progress report of a care plan (PROG-1..7 with ADH-1..3): loads what was recorded, gathers
 * the plan's facts through {@link PlanFacts} and runs the pure analysis.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressService {

  private Supplier<PlanFacts> planFacts;
  private TreatmentSessionRepository sessions;
  private SymptomObservationRepository observations;
  private HomeCareLogRepository homeCare;
  private ProgressThresholds thresholds;
  private AdherenceThresholds adherenceThresholds;
  private Clock clock;

  /** For the CDI proxy only. */
  protected ProgressService() {}

  /**
   * The care plan module implements {@link PlanFacts}; until it is deployed, reports fail with a
   * clear message instead of the whole application failing to start.
   */
  @Inject
  public ProgressService(
      Instance<PlanFacts> planFacts,
      TreatmentSessionRepository sessions,
      SymptomObservationRepository observations,
      HomeCareLogRepository homeCare,
      ProgressThresholds thresholds,
      AdherenceThresholds adherenceThresholds,
      Clock clock) {
    this(
        () -> {
          if (!planFacts.isResolvable()) {
            throw new IllegalStateException(
                "No single PlanFacts implementation is deployed; progress needs the care plan's"
                    + " facts");
          }
          return planFacts.get();
        },
        sessions,
        observations,
        homeCare,
        thresholds,
        adherenceThresholds,
        clock);
  }

  /** Without CDI, e.g. in tests. */
  public ProgressService(
      PlanFacts planFacts,
      TreatmentSessionRepository sessions,
      SymptomObservationRepository observations,
      HomeCareLogRepository homeCare,
      ProgressThresholds thresholds,
      AdherenceThresholds adherenceThresholds,
      Clock clock) {
    this(() -> planFacts, sessions, observations, homeCare, thresholds, adherenceThresholds, clock);
  }

  private ProgressService(
      Supplier<PlanFacts> planFacts,
      TreatmentSessionRepository sessions,
      SymptomObservationRepository observations,
      HomeCareLogRepository homeCare,
      ProgressThresholds thresholds,
      AdherenceThresholds adherenceThresholds,
      Clock clock) {
    this.planFacts = planFacts;
    this.sessions = sessions;
    this.observations = observations;
    this.homeCare = homeCare;
    this.thresholds = thresholds;
    this.adherenceThresholds = adherenceThresholds;
    this.clock = clock;
  }

  /**
   * The report of a care plan as of now.
   *
   * @throws NotFoundException when the care plan does not exist
   */
  public ProgressReport report(@NotNull String carePlanId) {
    PlanFactsView facts =
        planFacts
            .get()
            .forPlan(carePlanId)
            .orElseThrow(() -> new NotFoundException("CarePlan", carePlanId));
    return ProgressAnalysis.analyse(snapshot(facts), thresholds, adherenceThresholds, clock);
  }

  /** Everything the analysis needs, read in one go. */
  ProgressSnapshot snapshot(PlanFactsView facts) {
    List<SymptomObservation> pain = readings(facts, ObservationCode.PAIN);
    List<SymptomObservation> legPain = readings(facts, ObservationCode.LEG_PAIN);
    Map<String, SymptomObservation> painById = new LinkedHashMap<>();
    pain.forEach(o -> painById.put(o.id(), o));
    Map<String, PainScore[]> sessionPain = sessionPain(pain);
    List<SessionFact> sessionFacts = new ArrayList<>();
    for (TreatmentSession session : sessions.forPlan(facts.carePlanId())) {
      PainScore[] recorded = sessionPain.getOrDefault(session.id(), new PainScore[2]);
      sessionFacts.add(
          new SessionFact(
              session.id(),
              session.scheduledAt(),
              session.status(),
              session.performedAt().orElse(null),
              named(session.prePainReadingId(), painById).orElse(recorded[0]),
              named(session.postPainReadingId(), painById).orElse(recorded[1]),
              session.cancelledBy().map(by -> by == CancelledBy.PATIENT).orElse(false)));
    }
    return new ProgressSnapshot(
        facts.carePlanId(),
        facts.planStart(),
        facts.phases().stream().map(PhaseFacts::toDomain).toList(),
        facts.currentPhase(),
        facts.sessionsStopped(),
        sessionFacts,
        facts.scheduledSessionTimes(),
        pain.stream()
            .map(o -> new PainReading(o.effectiveAt(), (PainScore) o.reading(), o.context()))
            .toList(),
        legPain.stream()
            .map(o -> new LegPainReading(o.effectiveAt(), (LegPain) o.reading()))
            .toList(),
        facts.homeCareTaskIds(),
        homeCare.forPlan(facts.carePlanId()).stream()
            .map(e -> new HomeCareDay(e.taskId(), e.day(), e.done()))
            .toList(),
        facts.stoppedPeriods());
  }

  /**
   * The plan's readings, plus the patient's readings without a plan since the plan started: an EHR
   * or a diary does not always know the plan, but the pain is the same patient's.
   */
  private List<SymptomObservation> readings(PlanFactsView facts, ObservationCode code) {
    Map<String, SymptomObservation> byId = new LinkedHashMap<>();
    observations.forPlan(facts.carePlanId(), code).forEach(o -> byId.put(o.id(), o));
    if (facts.patientId() != null) {
      OffsetDateTime since = facts.planStart().atStartOfDay(clock.getZone()).toOffsetDateTime();
      observations.forPatient(facts.patientId(), code, since).stream()
          .filter(o -> o.carePlanId().isEmpty())
          .forEach(o -> byId.put(o.id(), o));
    }
    return new ArrayList<>(byId.values());
  }

  /** The pain reading a session names, from the plan's readings or else by its id. */
  private Optional<PainScore> named(
      Optional<String> readingId, Map<String, SymptomObservation> pain) {
    return readingId
        .map(id -> Optional.ofNullable(pain.get(id)).or(() -> observations.find(id)))
        .flatMap(o -> o)
        .map(SymptomObservation::reading)
        .filter(PainScore.class::isInstance)
        .map(PainScore.class::cast);
  }

  /**
   * PRE_SESSION / POST_SESSION pain readings by session, first taken first, for sessions that name
   * no pain reading of their own because the scores arrived as separate readings (e.g. from an EHR)
   * rather than with the session.
   */
  private static Map<String, PainScore[]> sessionPain(List<SymptomObservation> pain) {
    Map<String, PainScore[]> bySession = new LinkedHashMap<>();
    for (SymptomObservation o : pain) {
      Optional<String> session = o.sessionId();
      if (session.isEmpty()) {
        continue;
      }
      PainScore[] scores = bySession.computeIfAbsent(session.get(), id -> new PainScore[2]);
      int slot = o.context() == ReadingContext.PRE_SESSION ? 0 : 1;
      if (scores[slot] == null) {
        scores[slot] = (PainScore) o.reading();
      }
    }
    return bySession;
  }
}
