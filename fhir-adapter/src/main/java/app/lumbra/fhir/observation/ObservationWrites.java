package app.lumbra.fhir.observation;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.safety.RedFlagScreenPanel;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.intake.application.ReadingIntake;
import app.lumbra.observation.application.ObservationPage;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.safety.application.RecordRedFlagScreen;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/**
 * The FHIR write use case of Observation, in its own transaction (joined by a transaction
 * Bundle's): a reading of one of Lumbra's measures is recorded under its rules (OBS-1…4, FHIR-4),
 * anything else is kept as the patient's clinical context (FHIR-1), and what the partner sent
 * beyond the domain is kept beside the reading.
 */
@ApplicationScoped
@Transactional
public class ObservationWrites {

  /** The reading use case's fields, as the Observation elements that carry them. */
  private static final Map<String, String> REFERENCE_PATHS =
      Map.of("patientId", "Observation.subject", "carePlanId", "Observation.basedOn");

  private ObservationService observations;
  private CarePlanService plans;
  private ReadingIntake readings;
  private SessionService sessions;
  private ClinicalContext context;
  private KeptResources kept;
  private SafetyService safety;

  /** For the CDI proxy only. */
  protected ObservationWrites() {}

  @Inject
  public ObservationWrites(
      ObservationService observations,
      CarePlanService plans,
      ReadingIntake readings,
      SessionService sessions,
      ClinicalContext context,
      KeptResources kept,
      SafetyService safety) {
    this.observations = observations;
    this.plans = plans;
    this.readings = readings;
    this.sessions = sessions;
    this.context = context;
    this.kept = kept;
    this.safety = safety;
  }

  /**
   * Create; If-None-Exist (patient, code, date) returns an existing match instead of a duplicate,
   * and more than one match is 412 (FHIR R4 conditional create).
   */
  public MethodOutcome create(Observation sent, String ifNoneExist) {
    MustUnderstand.check(sent);
    return created(sent, ifNoneExist, null);
  }

  /**
   * Update of {@code id} (FHIR-8): a new id is a create under it; the clinical context keeps a new
   * version; a reading of Lumbra's measures never changes (corrections are new readings).
   */
  public MethodOutcome update(IdType id, Observation sent) {
    MustUnderstand.check(sent);
    String recordId = id.getIdPart();
    if (context.has("Observation", recordId)) {
      recordScreen(sent);
      return context.keep(sent, recordId, Versions.expected(id));
    }
    if (observations.exists(recordId)) {
      throw new RuleViolationException(
          "FHIR-8",
          "Observation",
          "a reading is never changed: record the correction as a new reading");
    }
    return created(sent, null, recordId);
  }

  /** SAFE-1: a red-flag screen panel is recorded as the plan's new screen, for the same patient. */
  private void recordScreen(Observation sent) {
    if (!RedFlagScreenPanel.isScreen(sent.getCode())) {
      return;
    }
    RecordRedFlagScreen screen = RedFlagScreenPanel.toCommand(sent);
    String patient = sent.getSubject().getReferenceElement().getIdPart();
    String planPatient =
        plans
            .patientOf(screen.carePlanId())
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "Observation.basedOn",
                        "CarePlan/" + screen.carePlanId(),
                        "a CarePlan of Lumbra"));
    if (!planPatient.equals(patient)) {
      throw new InvalidValueException(
          "Observation.subject",
          sent.getSubject().getReference(),
          "Patient/" + planPatient + ", the patient of the plan screened");
    }
    safety.recordExchangedScreen(screen);
  }

  private MethodOutcome created(Observation sent, String ifNoneExist, String id) {
    if (!ObservationFhirMapper.isMeasure(sent.getCode())) {
      if (ifNoneExist != null) {
        throw new InvalidValueException(
            "If-None-Exist",
            ifNoneExist,
            "only on readings of Lumbra's measures (" + ObservationFhirMapper.allowedCodes() + ")");
      }
      // Not one of Lumbra's measures (a vital sign, say): the patient's clinical context; a
      // red-flag screen panel (SAFE-1) is also the plan's new screen.
      recordScreen(sent);
      return context.keep(sent, id, null);
    }
    RecordReading command =
        withSessionContext(sent, withId(ObservationFhirMapper.toDomain(sent), id));
    if (ifNoneExist != null) {
      ReadingCriteria criteria = ConditionalSearch.criteria(ifNoneExist);
      ObservationPage matches = observations.search(criteria, 0, 2);
      if (matches.total() > 1) {
        throw new PreconditionFailedException(
            "If-None-Exist matches " + matches.total() + " observations");
      }
      if (matches.total() == 1) {
        ObservationView existing = matches.observations().get(0);
        return new MethodOutcome(idOf(existing), false)
            .setResource(ObservationFhirMapper.toFhir(existing));
      }
    }
    // The reference rule (a known patient, the plan theirs) is the core use case's, as for the
    // portal's readings; its refusal names the FHIR element.
    ObservationView created;
    try {
      created = readings.record(command);
    } catch (RuleViolationException refused) {
      throw refused.at(REFERENCE_PATHS.getOrDefault(refused.field(), refused.field()));
    }
    return new MethodOutcome(idOf(created), true)
        .setResource(
            kept.written(
                sent,
                ObservationFhirMapper.toFhir(created),
                Set.of(),
                () -> observations.notePartnerDocument(created.id())));
  }

  private static RecordReading withId(RecordReading command, String id) {
    return id == null
        ? command
        : new RecordReading(
            id,
            command.patientId(),
            command.carePlanId(),
            command.sessionId(),
            command.context(),
            command.source(),
            command.effectiveAt(),
            command.reading());
  }

  /**
   * FHIR-6: a reading {@code partOf} a session that does not say when it was taken relative to the
   * session gets the context its time gives against the session's start (performed, else
   * scheduled).
   */
  private RecordReading withSessionContext(Observation sent, RecordReading command) {
    boolean said =
        sent.getExtensionByUrl(Terminology.extension(Extensions.READING_CONTEXT)) != null;
    if (said || command.sessionId() == null) {
      return command;
    }
    SessionView session = sessions.get(command.sessionId());
    OffsetDateTime start =
        session.performedAt() != null ? session.performedAt() : session.scheduledAt();
    if (start == null) {
      return command;
    }
    return new RecordReading(
        command.id(),
        command.patientId(),
        command.carePlanId(),
        command.sessionId(),
        ReadingContext.relativeTo(command.effectiveAt(), start),
        command.source(),
        command.effectiveAt(),
        command.reading());
  }

  static IdType idOf(ObservationView view) {
    return new IdType("Observation", view.id(), Long.toString(view.version()));
  }
}
