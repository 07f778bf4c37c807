package app.lumbra.exchange.application;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.intake.application.ReadingIntake;
import app.lumbra.observation.application.ObservationPage;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.shared.AmbiguousMatchException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * An Observation a partner writes, in one transaction: a reading of one of Lumbra's measures is
 * recorded under its rules (OBS-1..4, FHIR-4) and never changed afterwards (FHIR-8: corrections are
 * new readings); anything else is the patient's clinical context, and a red-flag screen panel among
 * it is also the plan's new screen (SAFE-1). A context record never becomes a reading, so the
 * context holds no reading of Lumbra's measures.
 */
@ApplicationScoped
@Transactional
public class ObservationExchange {

  static final String TYPE = "Observation";

  private ObservationService observations;
  private ReadingIntake readings;
  private SessionService sessions;
  private CarePlanService plans;
  private SafetyService safety;
  private PartnerRecords partner;

  /** For the CDI proxy only. */
  protected ObservationExchange() {}

  @Inject
  public ObservationExchange(
      ObservationService observations,
      ReadingIntake readings,
      SessionService sessions,
      CarePlanService plans,
      SafetyService safety,
      PartnerRecords partner) {
    this.observations = observations;
    this.readings = readings;
    this.sessions = sessions;
    this.plans = plans;
    this.safety = safety;
    this.partner = partner;
  }

  /**
   * Create ({@code write.id()} null) or update of {@code write.id()}: a new id is a create under
   * it, the context keeps a new version, a reading is never changed. With If-None-Exist an existing
   * reading that matches is the answer, and more than one match is a failed precondition.
   */
  public Written<ObservationView> write(@NotNull @Valid ObservationWrite write) {
    if (write.id() != null && partner.isContext(TYPE, write.id())) {
      if (write.reading() != null) {
        // A record kept as context never holds a reading of Lumbra's measures, so a search for
        // those readings need not look through the context (FHIR-9).
        throw new RuleViolationException(
            "FHIR-8",
            "Observation.code",
            "Observation/"
                + write.id()
                + " is kept as the patient's clinical context and cannot become a reading of"
                + " Lumbra's measures: send the reading as a new Observation");
      }
      return keptAsContext(write);
    }
    if (write.id() != null && observations.exists(write.id())) {
      throw new RuleViolationException(
          "FHIR-8", TYPE, "a reading is never changed: record the correction as a new reading");
    }
    if (write.reading() == null) {
      return keptAsContext(write);
    }
    if (write.ifNoneExist() != null) {
      ObservationPage matches = observations.search(write.ifNoneExist(), 0, 2);
      if (matches.total() > 1) {
        throw new AmbiguousMatchException(
            "If-None-Exist matches " + matches.total() + " observations");
      }
      if (matches.total() == 1) {
        return Written.record(matches.observations().get(0), false);
      }
    }
    RecordReading reading = withId(write.reading().get(), write.id());
    ObservationView created =
        readings.record(write.contextSaid() ? reading : withSessionContext(reading));
    keepBeside(observations, partner, created, write.document().beside(created));
    return Written.record(created, true);
  }

  /**
   * Keeps the partner's document beside a reading just recorded, noting first that it has one: the
   * reading's insert, still pending, then carries the note (no second statement).
   */
  static void keepBeside(
      ObservationService observations,
      PartnerRecords partner,
      ObservationView reading,
      Optional<String> document) {
    if (document.isPresent()) {
      observations.notePartnerDocument(reading.id());
    }
    partner.keepBeside(TYPE, reading.id(), reading.version(), document);
  }

  private Written<ObservationView> keptAsContext(ObservationWrite write) {
    if (write.screen() != null) {
      recordScreen(write);
    }
    return Written.context(partner.keep(write.asContext().get(), write.expectedVersion()));
  }

  /** SAFE-1: a red-flag screen panel is recorded as the plan's new screen, for the same patient. */
  private void recordScreen(ObservationWrite write) {
    String carePlanId = write.screen().carePlanId();
    String planPatient =
        plans
            .patientOf(carePlanId)
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "Observation.basedOn", "CarePlan/" + carePlanId, "a CarePlan of Lumbra"));
    if (!planPatient.equals(write.screenedPatient())) {
      throw new InvalidValueException(
          "Observation.subject",
          "Patient/" + write.screenedPatient(),
          "Patient/" + planPatient + ", the patient of the plan screened");
    }
    safety.recordExchangedScreen(write.screen());
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
   * FHIR-6: a reading of a session that does not say when it was taken relative to the session gets
   * the context its time gives against the session's start (performed, else scheduled).
   */
  private RecordReading withSessionContext(RecordReading command) {
    if (command.sessionId() == null) {
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
}
