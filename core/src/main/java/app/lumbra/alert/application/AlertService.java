package app.lumbra.alert.application;

import app.lumbra.alert.domain.Alert;
import app.lumbra.alert.domain.AlertCriteria;
import app.lumbra.alert.domain.AlertRepository;
import app.lumbra.careplan.application.CarePlanPage;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.progress.application.ProgressService;
import app.lumbra.progress.domain.ProgressAlert;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.safety.domain.AlertKind;
import app.lumbra.safety.domain.PlanSafetyFacts;
import app.lumbra.safety.domain.SafetyAlert;
import app.lumbra.safety.domain.SafetyRules;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * SAFE-4: one alert list per plan and patient. Gathers what the rules raise now — progress
 * (PROG-3..7) and adherence (ADH-2) from the progress report, safety (SAFE-1..3) from the safety
 * module, and whatever other modules raise through {@link AlertSource} (the outcome rules OUT-2..4)
 * — and keeps each alert, so that it can be acknowledged, listed across patients and read over
 * FHIR. The same evidence is the same alert: once acknowledged it is not raised again.
 *
 * <p>Evidence: a safety alert names its own (a screen, a session, an adverse response). A progress
 * alert is one ongoing finding: while its rule keeps raising it (whatever the latest figures) it is
 * the same alert; once the rule stops and later raises it again, that is new evidence.
 */
@ApplicationScoped
@Transactional
public class AlertService {

  /** Plans whose alerts are gathered for "Needs attention". */
  private static final Set<PlanStatus> OPEN =
      EnumSet.of(PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.ON_HOLD);

  /** Most urgent first, then newest first. */
  public static final Comparator<AlertView> BY_URGENCY =
      Comparator.comparing(AlertView::kind)
          .thenComparing(AlertView::raisedAt, Comparator.reverseOrder())
          .thenComparing(AlertView::id);

  private AlertRepository alerts;
  private CarePlanService plans;
  private SessionService sessions;
  private ProgressService progress;
  private SafetyService safety;
  private Iterable<AlertSource> sources;
  private Clock clock;

  /** For the CDI proxy only. */
  protected AlertService() {}

  /** Without further alert sources. */
  public AlertService(
      AlertRepository alerts,
      CarePlanService plans,
      SessionService sessions,
      ProgressService progress,
      SafetyService safety,
      Clock clock) {
    this(alerts, plans, sessions, progress, safety, List.of(), clock);
  }

  /**
   * @param sources the other modules whose rules raise alerts (OUT-2..OUT-4); CDI passes every
   *     deployed one
   */
  @Inject
  public AlertService(
      AlertRepository alerts,
      CarePlanService plans,
      SessionService sessions,
      ProgressService progress,
      SafetyService safety,
      @Any Instance<AlertSource> sources,
      Clock clock) {
    this(alerts, plans, sessions, progress, safety, (Iterable<AlertSource>) sources, clock);
  }

  /** Without CDI, e.g. in tests, with the given sources. */
  public AlertService(
      AlertRepository alerts,
      CarePlanService plans,
      SessionService sessions,
      ProgressService progress,
      SafetyService safety,
      Iterable<AlertSource> sources,
      Clock clock) {
    this.sources = sources;
    this.alerts = alerts;
    this.plans = plans;
    this.sessions = sessions;
    this.progress = progress;
    this.safety = safety;
    this.clock = clock;
  }

  /** The plan's current alerts (acknowledged ones included), most urgent first. */
  public List<AlertView> forPlan(@NotNull String carePlanId) {
    return refresh(plans.get(carePlanId)).stream()
        .filter(Alert::isCurrent)
        .map(AlertView::of)
        .sorted(BY_URGENCY)
        .toList();
  }

  /** The current alerts of every plan of the patient, most urgent first. */
  public List<AlertView> forPatient(@NotNull String patientId) {
    List<AlertView> found = new ArrayList<>();
    for (CarePlanView plan : plans.listForPatient(patientId)) {
      refresh(plan).stream().filter(Alert::isCurrent).map(AlertView::of).forEach(found::add);
    }
    return found.stream().sorted(BY_URGENCY).toList();
  }

  /**
   * SAFE-4 "Needs attention": the current, unacknowledged alerts of the open plans of the patients
   * {@code maySeePatient} admits (the care-team rule), most urgent first.
   */
  public List<AlertView> needsAttention(@NotNull Predicate<String> maySeePatient) {
    Set<String> patients = new HashSet<>();
    int offset = 0;
    CarePlanPage page;
    do {
      page =
          plans.search(
              new CarePlanCriteria(null, OPEN, null, null, false), offset, PageRequest.MAX_LIMIT);
      for (CarePlanView plan : page.plans()) {
        if (maySeePatient.test(plan.patientId())) {
          patients.add(plan.patientId());
          refresh(plan);
        }
      }
      offset += PageRequest.MAX_LIMIT;
    } while (offset < page.total());
    if (patients.isEmpty()) {
      return List.of();
    }
    return alerts
        .search(new AlertCriteria(null, patients, null, null, null, null, true), 0, 10_000)
        .stream()
        .filter(Alert::isOpen)
        .map(AlertView::of)
        .sorted(BY_URGENCY)
        .toList();
  }

  /**
   * SAFE-4: the clinician acknowledges the alert, with a note; it is not raised again for the same
   * evidence.
   */
  public AlertView acknowledge(@NotNull @Valid AcknowledgeAlert command) {
    Alert alert = alerts.get(command.alertId());
    alert.acknowledge(command.author(), command.note(), clock);
    return AlertView.of(alert);
  }

  /** The alert with this id; not found names it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AlertView get(@NotNull String alertId) {
    return AlertView.of(alerts.get(alertId));
  }

  /** Whether an alert has this id; never marks the caller's transaction for rollback. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(@NotNull String alertId) {
    return alerts.find(alertId).isPresent();
  }

  /**
   * A page of the alerts matching {@code criteria}, newest first; when the criteria name a patient,
   * that patient's plans are checked first so the page is up to date.
   */
  public AlertPage search(@NotNull AlertCriteria criteria, int offset, int limit) {
    PageRequest.orCountOnly(offset, limit);
    if (criteria.patientId() != null) {
      plans.listForPatient(criteria.patientId()).forEach(this::refresh);
    }
    List<AlertView> page =
        limit == 0
            ? List.of()
            : alerts.search(criteria, offset, limit).stream().map(AlertView::of).toList();
    return new AlertPage(page, offset, limit, alerts.count(criteria));
  }

  /** Raises, re-raises and lapses the plan's alerts from what the rules say now. */
  private List<Alert> refresh(CarePlanView plan) {
    alerts.lockPlan(plan.id());
    Map<String, Alert> existing = new LinkedHashMap<>();
    alerts.forPlan(plan.id()).forEach(alert -> existing.put(alert.id(), alert));
    Set<String> seen = new HashSet<>();
    for (Raised raised : raisedNow(plan)) {
      String evidence = raised.evidenceKey();
      if (raised.ongoing()) {
        evidence =
            existing.values().stream()
                .filter(alert -> alert.isCurrent() && alert.topic().equals(raised.topic()))
                .map(Alert::evidenceKey)
                .findFirst()
                .orElse(raised.topic() + "@" + LocalDate.now(clock));
      }
      String id = Alert.idOf(plan.id(), raised.ruleId(), evidence);
      if (!seen.add(id)) {
        continue;
      }
      Alert alert = existing.get(id);
      if (alert == null) {
        alert =
            Alert.raise(
                plan.patientId(),
                plan.id(),
                raised.ruleId(),
                raised.kind(),
                raised.topic(),
                evidence,
                raised.title(),
                raised.reason(),
                clock);
        alerts.add(alert);
        existing.put(id, alert);
      } else if (!alert.isCurrent()
          || alert.kind() != raised.kind()
          || !alert.title().equals(raised.title())
          || !alert.reason().equals(raised.reason())) {
        alert.raisedAgain(raised.kind(), raised.title(), raised.reason());
      }
    }
    for (Alert alert : existing.values()) {
      if (alert.isCurrent() && !seen.contains(alert.id())) {
        alert.lapse(clock);
      }
    }
    return new ArrayList<>(existing.values());
  }

  /** What the rules raise for the plan now. */
  private List<Raised> raisedNow(CarePlanView plan) {
    List<Raised> raised = new ArrayList<>();
    for (ProgressAlert alert : progress.report(plan.id()).alerts()) {
      raised.add(progressAlert(alert));
    }
    for (SafetyAlert alert : safety.alertsFor(safetyFacts(plan))) {
      raised.add(
          new Raised(
              alert.ruleId(),
              alert.kind(),
              alert.evidenceKey(),
              alert.evidenceKey(),
              false,
              alert.title(),
              alert.reason()));
    }
    for (AlertSource source : sources) {
      for (RaisedAlert alert : source.alertsFor(plan.id())) {
        raised.add(
            new Raised(
                alert.ruleId(),
                alert.kind(),
                alert.ruleId() + ":" + alert.evidenceKey(),
                alert.evidenceKey(),
                false,
                alert.title(),
                alert.reason()));
      }
    }
    return raised;
  }

  private PlanSafetyFacts safetyFacts(CarePlanView plan) {
    Set<String> techniques = new TreeSet<>();
    Set<String> regions = new TreeSet<>();
    for (PhaseData phase : plan.content().phases()) {
      phase.techniques().forEach(technique -> techniques.add(technique.name()));
      phase.targetRegions().forEach(region -> regions.add(region.name()));
    }
    List<PlanSafetyFacts.PerformedSessionFacts> performed = new ArrayList<>();
    for (SessionView session : sessions.listForPlan(plan.id())) {
      if (session.performedAt() != null) {
        Set<String> used = new TreeSet<>();
        session.techniques().forEach(technique -> used.add(technique.name()));
        Set<String> worked = new TreeSet<>();
        session.targetRegions().forEach(region -> worked.add(region.name()));
        performed.add(
            new PlanSafetyFacts.PerformedSessionFacts(
                session.id(), session.performedAt(), used, worked));
      }
    }
    return new PlanSafetyFacts(
        plan.id(), plan.patientId(), !plan.status().isFinal(), techniques, regions, performed);
  }

  /**
   * A progress or adherence alert: one ongoing finding per rule, next step and kind of message (its
   * figures left out, since they change with every reading).
   */
  private static Raised progressAlert(ProgressAlert alert) {
    String pattern = alert.message().replaceAll("[0-9.,]+", "#");
    String topic =
        alert.ruleId()
            + ":"
            + alert.suggestedNextStep()
            + ":"
            + SafetyRules.digest(pattern.toLowerCase(Locale.ROOT));
    return new Raised(
        alert.ruleId(),
        kindOf(alert),
        topic,
        topic,
        true,
        titleOf(alert),
        capitalised(alert.message()) + ".");
  }

  /** Red flags (SAFE-1 raised by PROG-6) first; PROG-3 is information; the rest suggest review. */
  static AlertKind kindOf(ProgressAlert alert) {
    if (alert.ruleId().startsWith("SAFE-")
        || alert.message().toLowerCase(Locale.ROOT).contains("red flag")) {
      return AlertKind.RED_FLAG;
    }
    return "PROG-3".equals(alert.ruleId()) ? AlertKind.INFO : AlertKind.REVIEW;
  }

  private static String titleOf(ProgressAlert alert) {
    if (alert.suggestedNextStep() == null) {
      return "Progress to review";
    }
    switch (alert.suggestedNextStep()) {
      case MOVE_TO_TAPER:
        return "Improvement has levelled off: consider tapering";
      case MOVE_TO_MAINTENANCE:
        return "Improvement has levelled off: consider maintenance";
      case REVIEW_PLAN:
        return "Not improving: review the plan";
      case CLINICIAN_REVIEW:
        return "Warning sign: clinician review";
      case RESUME_SESSIONS:
        return "Relief fading: consider resuming sessions";
      case KEEP_SESSIONS_REGULAR:
        return "Losing ground between sessions";
      default:
        return "Progress to review";
    }
  }

  private static String capitalised(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
  }

  /** One alert a rule raises now. {@code ongoing}: its evidence is the ongoing finding. */
  private record Raised(
      String ruleId,
      AlertKind kind,
      String topic,
      String evidenceKey,
      boolean ongoing,
      String title,
      String reason) {}
}
