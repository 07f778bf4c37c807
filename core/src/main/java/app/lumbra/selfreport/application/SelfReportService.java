package app.lumbra.selfreport.application;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.careplan.domain.CarePlanCriteria;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.homecare.application.HomeCareService;
import app.lumbra.homecare.application.LogHomeCare;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.MedicationUse;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.outcome.domain.FunctionQuestionnaire;
import app.lumbra.patient.application.PatientService;
import app.lumbra.safety.application.RecordAdverseResponse;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.selfreport.domain.PatientLink;
import app.lumbra.selfreport.domain.PatientLinkRepository;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OUT-5: the patient reports between sessions through a personal, expiring link. What they report
 * is recorded as the patient's own (readings with source {@code HOME_DIARY}, adverse responses by
 * "the patient"), in one transaction; a refused value stores nothing.
 */
@ApplicationScoped
@Transactional
public class SelfReportService {

  /** Who recorded an adverse response the patient reported themselves. */
  public static final String PATIENT_AUTHOR = "the patient (own report)";

  private PatientLinkRepository links;
  private CarePlanService plans;
  private PatientService patients;
  private ObservationService observations;
  private HomeCareService homeCare;
  private SafetyService safety;
  private Clock clock;

  /** For the CDI proxy only. */
  protected SelfReportService() {}

  @Inject
  public SelfReportService(
      PatientLinkRepository links,
      CarePlanService plans,
      PatientService patients,
      ObservationService observations,
      HomeCareService homeCare,
      SafetyService safety,
      Clock clock) {
    this.links = links;
    this.plans = plans;
    this.patients = patients;
    this.observations = observations;
    this.homeCare = homeCare;
    this.safety = safety;
    this.clock = clock;
  }

  /**
   * Issues a link for the plan's patient; the token is returned once and only its hash is kept.
   *
   * @throws RuleViolationException when the plan is finished
   */
  public IssuedLink issue(@NotNull @Valid IssuePatientLink command) {
    CarePlanView plan = plans.get(command.carePlanId());
    if (plan.status().isFinal()) {
      throw new RuleViolationException(
          PatientLink.RULE,
          "carePlanId",
          "The plan is finished: the patient has nothing to report");
    }
    PatientLink.Issued issued =
        PatientLink.issue(
            plan.patientId(), plan.id(), command.validDays(), command.author(), clock);
    links.add(issued.link());
    return new IssuedLink(issued.token(), issued.link().expiresAt());
  }

  /**
   * What the patient's page shows for a token.
   *
   * @throws RuleViolationException when the link is unknown, expired or its plan finished
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportForm open(@NotNull String token) {
    PatientLink link = valid(token);
    CarePlanView plan = openPlan(link);
    List<ReportForm.Task> tasks = new ArrayList<>();
    for (HomeCareTaskData task : plan.content().homeCareTasks()) {
      tasks.add(new ReportForm.Task(task.taskId(), task.kind().name(), task.instructions()));
    }
    return new ReportForm(
        patients.get(link.patientId()).displayName(),
        plan.content().title(),
        tasks,
        link.expiresAt());
  }

  /**
   * Records today's report. Every value is checked before anything is stored.
   *
   * @throws InvalidValueException naming the field when a value is missing or out of range
   * @throws RuleViolationException when the link is unknown, expired or its plan finished
   */
  public void submit(@NotNull @Valid SubmitSelfReport command) {
    PatientLink link = valid(command.token());
    CarePlanView plan = openPlan(link);
    PainScore pain = PainScore.of(ObservationCode.PAIN.measure().parseScore(command.pain()));
    List<String> taskIds = taskIds(plan);
    for (String done : command.homeCareDone()) {
      if (!taskIds.contains(done)) {
        throw new InvalidValueException("homeCareDone", done, "a task of this plan");
      }
    }
    Report report =
        new Report(
            Optional.of(pain),
            function(command.functionMeasure(), command.functionScore()),
            Optional.ofNullable(command.medicationDoses()).map(MedicationUse::parse),
            Optional.of(command.homeCareDone()),
            Optional.ofNullable(command.adverseResponse()),
            command.note());
    store(link.patientId(), plan, report, OffsetDateTime.now(clock));
    link.reported(clock);
  }

  /**
   * Records what the patient reported through an app over FHIR: the same readings, home-care log
   * and adverse response as the link's page, against the patient's own plan. Every value is checked
   * before anything is stored.
   *
   * @throws InvalidValueException naming the field when a value is out of range, nothing is
   *     reported, or the plan is not the patient's (or the patient has no single active plan)
   * @throws RuleViolationException when the plan is finished
   */
  public RecordedReport record(@NotNull @Valid RecordPatientReport command) {
    CarePlanView plan = planOf(command.patientId(), command.carePlanId());
    Optional<PainScore> pain =
        Optional.ofNullable(command.pain())
            .map(value -> PainScore.of(ObservationCode.PAIN.measure().parseScore(value)));
    Optional<Set<String>> homeCare =
        Optional.ofNullable(command.homeCareAllDone())
            .map(all -> all ? Set.copyOf(taskIds(plan)) : Set.of());
    Report report =
        new Report(
            pain,
            function(command.functionMeasure(), command.functionScore()),
            Optional.ofNullable(command.medicationDoses()).map(MedicationUse::parse),
            homeCare,
            Optional.ofNullable(command.adverseResponse()),
            command.note());
    if (report.isEmpty()) {
      throw new InvalidValueException(
          "report",
          null,
          "at least one of pain, a function score, medication, home care or an adverse response");
    }
    return new RecordedReport(
        plan.id(), store(command.patientId(), plan, report, reportedAt(command.reportedAt())));
  }

  /** What one report holds, every value already checked. */
  private record Report(
      Optional<PainScore> pain,
      Optional<SymptomReading> function,
      Optional<MedicationUse> medication,
      Optional<Set<String>> homeCareDone,
      Optional<AdverseResponseKind> adverseResponse,
      String note) {

    boolean isEmpty() {
      return pain.isEmpty()
          && function.isEmpty()
          && medication.isEmpty()
          && homeCareDone.isEmpty()
          && adverseResponse.isEmpty();
    }
  }

  private static Optional<SymptomReading> function(String measure, Integer score) {
    return score == null
        ? Optional.empty()
        : Optional.of(FunctionQuestionnaire.fromCode(measure).reading(score));
  }

  /** When the patient reported: {@code sent}, not in the future (a clock's minute of slack). */
  private OffsetDateTime reportedAt(OffsetDateTime sent) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (sent == null) {
      return now;
    }
    if (sent.isAfter(now.plusMinutes(1))) {
      throw new InvalidValueException(
          RecordPatientReport.REPORTED_AT, sent, "a time that is not in the future");
    }
    return sent;
  }

  private List<ObservationView> store(
      String patientId, CarePlanView plan, Report report, OffsetDateTime at) {
    List<ObservationView> readings = new ArrayList<>();
    report.pain().ifPresent(reading -> readings.add(record(patientId, plan.id(), reading, at)));
    report.function().ifPresent(reading -> readings.add(record(patientId, plan.id(), reading, at)));
    report
        .medication()
        .ifPresent(reading -> readings.add(record(patientId, plan.id(), reading, at)));
    LocalDate today = LocalDate.ofInstant(at.toInstant(), clock.getZone());
    report
        .homeCareDone()
        .ifPresent(
            done -> {
              for (String taskId : taskIds(plan)) {
                homeCare.log(
                    new LogHomeCare(plan.id(), patientId, taskId, today, done.contains(taskId)));
              }
            });
    report
        .adverseResponse()
        .ifPresent(
            kind ->
                safety.recordAdverseResponse(
                    new RecordAdverseResponse(
                        plan.id(), null, kind, today, report.note(), PATIENT_AUTHOR)));
    return readings;
  }

  private static List<String> taskIds(CarePlanView plan) {
    return plan.content().homeCareTasks().stream().map(HomeCareTaskData::taskId).toList();
  }

  /** The named plan when it is the patient's, else the patient's one active plan; never final. */
  private CarePlanView planOf(String patientId, String carePlanId) {
    if (!patients.exists(patientId)) {
      throw new InvalidValueException(
          RecordPatientReport.PATIENT, patientId, "a patient known to Lumbra");
    }
    if (carePlanId == null) {
      List<CarePlanView> active =
          plans
              .search(
                  new CarePlanCriteria(
                      patientId,
                      Set.of(PlanStatus.ACTIVE),
                      null,
                      null,
                      null,
                      null,
                      CarePlanCriteria.Order.CREATED_DESCENDING),
                  0,
                  2)
              .plans();
      if (active.size() != 1) {
        throw new InvalidValueException(
            RecordPatientReport.CARE_PLAN,
            null,
            "a care plan of the patient: the patient has "
                + (active.isEmpty() ? "no active plan" : "several active plans"));
      }
      carePlanId = active.get(0).id();
    }
    if (!patientId.equals(plans.patientOf(carePlanId).orElse(null))) {
      throw new InvalidValueException(
          RecordPatientReport.CARE_PLAN, carePlanId, "a care plan of Patient/" + patientId);
    }
    CarePlanView plan = plans.get(carePlanId);
    if (plan.status().isFinal()) {
      throw new RuleViolationException(
          PatientLink.RULE,
          RecordPatientReport.CARE_PLAN,
          "The plan is finished: the patient has nothing to report");
    }
    return plan;
  }

  /**
   * OUT-5: the clinician withdraws every open link of the plan; the patient's page then says the
   * clinic withdrew it.
   *
   * @return how many open links were withdrawn
   */
  public int revokeLinks(@NotNull String carePlanId, @NotNull String by) {
    int revoked = 0;
    for (PatientLink link : links.forPlan(carePlanId)) {
      if (link.revoke(by, clock)) {
        revoked++;
      }
    }
    return revoked;
  }

  /** When the plan's patient last reported through a link, if ever. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<OffsetDateTime> lastReport(@NotNull String carePlanId) {
    return links.forPlan(carePlanId).stream()
        .flatMap(link -> link.lastReportedAt().stream())
        .max(OffsetDateTime::compareTo);
  }

  private ObservationView record(
      String patientId, String carePlanId, SymptomReading reading, OffsetDateTime at) {
    return observations.record(
        new RecordReading(
            patientId,
            carePlanId,
            null,
            ReadingContext.DIARY,
            ReadingSource.HOME_DIARY,
            at,
            reading));
  }

  private PatientLink valid(String token) {
    PatientLink link = links.byTokenHash(PatientLink.hash(token)).orElseThrow(PatientLink::expired);
    link.checkOpen(clock);
    return link;
  }

  private CarePlanView openPlan(PatientLink link) {
    CarePlanView plan = plans.get(link.carePlanId());
    if (plan.status().isFinal()) {
      throw PatientLink.expired();
    }
    return plan;
  }
}
