package app.lumbra.exchange.application;

import app.lumbra.careplan.application.CarePlanPage;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.PlanStatus;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A Procedure a partner writes, in one transaction. A massage is a session of a plan: the one it
 * names or, when it names none, the patient's one active plan. Any other procedure is the patient's
 * clinical context (FHIR-1). A planned session moves once, to attended, missed or cancelled
 * (OBS-3); an update with a new id is a create (FHIR-8).
 */
@ApplicationScoped
@Transactional
public class ProcedureExchange {

  static final String TYPE = "Procedure";

  private SessionService sessions;
  private CarePlanService plans;
  private PartnerRecords partner;

  /** For the CDI proxy only. */
  protected ProcedureExchange() {}

  @Inject
  public ProcedureExchange(SessionService sessions, CarePlanService plans, PartnerRecords partner) {
    this.sessions = sessions;
    this.plans = plans;
    this.partner = partner;
  }

  /** Create ({@code write.id()} null) or update of {@code write.id()}. */
  public Written<SessionView> write(@NotNull @Valid ProcedureWrite write) {
    String sessionId = write.id();
    if (!write.massage() || sessionId != null && partner.isContext(TYPE, sessionId)) {
      return Written.context(partner.keep(write.asContext().get(), write.expectedVersion()));
    }
    if (sessionId == null || !sessions.exists(sessionId)) {
      return created(write);
    }
    SessionStatement data = write.session().get();
    Long expected = write.expectedVersion();
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
    return kept(write, updated, false, List.of());
  }

  private Written<SessionView> created(ProcedureWrite write) {
    SessionStatement named = write.session().get();
    String planId =
        named.carePlanId() != null ? named.carePlanId() : activePlanOf(named.patientId());
    List<String> assumed = new ArrayList<>();
    SessionStatement data = asPlanned(named, planId, assumed);
    SessionView created =
        switch (data.status()) {
          case PLANNED ->
              sessions.schedule(
                  new ScheduleSession(
                      write.id(),
                      planId,
                      data.patientId(),
                      data.scheduledAt(),
                      data.plannedDurationMinutes(),
                      data.techniques(),
                      data.targetRegions()));
          case ATTENDED ->
              sessions.recordUnscheduled(
                  new RecordUnscheduledSession(
                      write.id(), planId, data.patientId(), data.performed()));
          case MISSED, CANCELLED ->
              throw new InvalidValueException(
                  "Procedure.status",
                  "not-done",
                  "preparation or completed: schedule a session before marking it missed");
        };
    return kept(write, created, true, assumed);
  }

  private Written<SessionView> kept(
      ProcedureWrite write, SessionView written, boolean created, List<String> assumed) {
    partner.keepBeside(TYPE, written.id(), written.version(), write.document().beside(written));
    return Written.record(written, created, assumed);
  }

  /**
   * A session that names no technique or no target region (an EHR's Procedure says only that it was
   * a massage, and where) is taken to follow its plan: the techniques and regions of the plan's
   * phase on that day (PLAN-7, PLAN-8), listed as assumed in the answer.
   */
  private SessionStatement asPlanned(SessionStatement data, String planId, List<String> assumed) {
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
    return data.doing(techniques, regions);
  }

  /** The patient's one active plan, for a session that names none. */
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
}
