package app.lumbra.fhir.procedure;

import app.lumbra.careplan.application.CarePlanPage;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.StandardInput;
import app.lumbra.session.application.CancelSession;
import app.lumbra.session.application.MarkSessionMissed;
import app.lumbra.session.application.RecordAttendedSession;
import app.lumbra.session.application.RecordUnscheduledSession;
import app.lumbra.session.application.ScheduleSession;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Procedure;

/**
 * The FHIR write use cases of Procedure, each in its own transaction (joined by a transaction
 * Bundle's). A massage (FHIR-6: SNOMED CT 387854002) is a session of a plan: the one {@code
 * basedOn} names or, when it names none, the patient's one active plan. Any other procedure is the
 * patient's clinical context (FHIR-1). A planned session moves once, to attended, missed or
 * cancelled (OBS-3); an update with a new id is a create (FHIR-8).
 */
@ApplicationScoped
@Transactional
public class ProcedureWrites {

  private SessionService sessions;
  private CarePlanService plans;
  private ClinicalContext context;
  private KeptResources kept;

  /** For the CDI proxy only. */
  protected ProcedureWrites() {}

  @Inject
  public ProcedureWrites(
      SessionService sessions, CarePlanService plans, ClinicalContext context, KeptResources kept) {
    this.sessions = sessions;
    this.plans = plans;
    this.context = context;
    this.kept = kept;
  }

  public MethodOutcome create(Procedure sent) {
    MustUnderstand.check(sent);
    if (!StandardInput.isMassage(sent.getCode())) {
      return context.keep(sent, null, null);
    }
    return created(sent, null);
  }

  public MethodOutcome update(IdType id, Procedure sent) {
    MustUnderstand.check(sent);
    String sessionId = id.getIdPart();
    if (context.has("Procedure", sessionId) || !StandardInput.isMassage(sent.getCode())) {
      return context.keep(sent, sessionId, Versions.expected(id));
    }
    if (!sessions.exists(sessionId)) {
      return created(sent, sessionId);
    }
    ProcedureFhirMapper.SessionData data = ProcedureFhirMapper.toDomain(sent);
    Long expected = Versions.expected(id);
    SessionView updated =
        switch (data.status()) {
          case ATTENDED ->
              sessions.recordAttended(
                  new RecordAttendedSession(sessionId, expected, data.performed()));
          case MISSED ->
              sessions.markMissed(new MarkSessionMissed(sessionId, expected, data.statusReason()));
          case CANCELLED ->
              sessions.cancel(new CancelSession(sessionId, expected, data.statusReason()));
          case PLANNED ->
              throw new RuleViolationException(
                  "OBS-3",
                  "Procedure.status",
                  "a planned session can only become attended, missed or cancelled");
        };
    return new MethodOutcome(idOf(updated), false)
        .setResource(kept.written(sent, ProcedureFhirMapper.toFhir(updated), Set.of()));
  }

  private MethodOutcome created(Procedure sent, String id) {
    ProcedureFhirMapper.SessionData named = ProcedureFhirMapper.toDomain(sent);
    String planId =
        named.carePlanId() != null ? named.carePlanId() : activePlanOf(named.patientId());
    List<String> assumed = new ArrayList<>();
    ProcedureFhirMapper.SessionData data = asPlanned(named, planId, assumed);
    SessionView created =
        switch (data.status()) {
          case PLANNED ->
              sessions.schedule(
                  new ScheduleSession(
                      id,
                      planId,
                      data.patientId(),
                      data.scheduledAt(),
                      data.plannedDurationMinutes(),
                      data.techniques(),
                      data.targetRegions()));
          case ATTENDED ->
              sessions.recordUnscheduled(
                  new RecordUnscheduledSession(id, planId, data.patientId(), data.performed()));
          case MISSED, CANCELLED ->
              throw new InvalidValueException(
                  "Procedure.status",
                  "not-done",
                  "preparation or completed: schedule a session before marking it missed");
        };
    MethodOutcome outcome =
        new MethodOutcome(idOf(created), true)
            .setResource(kept.written(sent, ProcedureFhirMapper.toFhir(created), Set.of()));
    if (!assumed.isEmpty()) {
      OperationOutcome said = new OperationOutcome();
      assumed.forEach(
          assumption ->
              said.addIssue()
                  .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                  .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                  .setDiagnostics("Assumed: " + assumption));
      outcome.setOperationOutcome(said);
    }
    return outcome;
  }

  /**
   * A session that names no technique or no target region (an EHR's Procedure says only that it was
   * a massage, and where) is taken to follow its plan: the techniques and regions of the plan's
   * phase on that day (PLAN-7, PLAN-8), listed as assumed in the answer.
   */
  private ProcedureFhirMapper.SessionData asPlanned(
      ProcedureFhirMapper.SessionData data, String planId, List<String> assumed) {
    if (!data.techniques().isEmpty() && !data.targetRegions().isEmpty()) {
      return data;
    }
    OffsetDateTime when = data.performedAt() != null ? data.performedAt() : data.scheduledAt();
    if (when == null || plans.patientOf(planId).isEmpty()) {
      return data;
    }
    LocalDate day = when.toLocalDate();
    List<PhaseData> phases = plans.get(planId).content().phases();
    PhaseData phase =
        phases.stream()
            .filter(p -> !day.isBefore(p.startDate()))
            .filter(p -> p.endDate() == null || !day.isAfter(p.endDate()))
            .findFirst()
            .orElse(phases.get(0));
    Set<Technique> techniques = data.techniques();
    if (techniques.isEmpty()) {
      techniques = EnumSet.noneOf(Technique.class);
      techniques.addAll(phase.techniques());
      assumed.add("techniques " + techniques + ", the plan's on that day (none was named)");
    }
    Set<TargetRegion> regions = data.targetRegions();
    if (regions.isEmpty()) {
      regions = EnumSet.noneOf(TargetRegion.class);
      regions.addAll(phase.targetRegions());
      assumed.add("target regions " + regions + ", the plan's on that day (none was named)");
    }
    return new ProcedureFhirMapper.SessionData(
        planId,
        data.patientId(),
        data.status(),
        data.statusReason(),
        data.scheduledAt(),
        data.plannedDurationMinutes(),
        data.performedAt(),
        data.durationMinutes(),
        data.therapist(),
        techniques,
        regions,
        data.prePain(),
        data.postPain(),
        data.notes());
  }

  /** The patient's one active plan, for a session whose {@code basedOn} names none. */
  private String activePlanOf(String patientId) {
    CarePlanPage active =
        plans.search(
            new CarePlanCriteria(
                patientId,
                Set.of(PlanStatus.ACTIVE),
                null,
                null,
                null,
                null,
                CarePlanCriteria.Order.CREATED_DESCENDING),
            0,
            2);
    if (active.plans().size() != 1) {
      throw new InvalidValueException(
          "Procedure.basedOn",
          null,
          "a CarePlan/id: a massage session belongs to a plan, and the patient has "
              + (active.plans().isEmpty() ? "no active plan" : "several active plans"));
    }
    return active.plans().get(0).id();
  }

  private static IdType idOf(SessionView view) {
    return new IdType("Procedure", view.id(), Long.toString(view.version()));
  }
}
