package app.lumbra.selfreport.application;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.homecare.application.HomeCareService;
import app.lumbra.homecare.application.LogHomeCare;
import app.lumbra.observation.application.ObservationService;
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
    Optional<SymptomReading> function =
        command.functionScore() == null
            ? Optional.empty()
            : Optional.of(
                FunctionQuestionnaire.fromCode(command.functionMeasure())
                    .reading(command.functionScore()));
    Optional<MedicationUse> medication =
        Optional.ofNullable(command.medicationDoses()).map(MedicationUse::parse);
    List<String> taskIds =
        plan.content().homeCareTasks().stream().map(HomeCareTaskData::taskId).toList();
    for (String done : command.homeCareDone()) {
      if (!taskIds.contains(done)) {
        throw new InvalidValueException("homeCareDone", done, "a task of this plan");
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    record(link, pain, now);
    function.ifPresent(reading -> record(link, reading, now));
    medication.ifPresent(reading -> record(link, reading, now));
    LocalDate today = LocalDate.now(clock);
    for (String taskId : taskIds) {
      homeCare.log(
          new LogHomeCare(
              plan.id(), link.patientId(), taskId, today, command.homeCareDone().contains(taskId)));
    }
    if (command.adverseResponse() != null) {
      safety.recordAdverseResponse(
          new RecordAdverseResponse(
              plan.id(), null, command.adverseResponse(), today, command.note(), PATIENT_AUTHOR));
    }
    link.reported(clock);
  }

  /** When the plan's patient last reported through a link, if ever. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<OffsetDateTime> lastReport(@NotNull String carePlanId) {
    return links.forPlan(carePlanId).stream()
        .flatMap(link -> link.lastReportedAt().stream())
        .max(OffsetDateTime::compareTo);
  }

  private void record(PatientLink link, SymptomReading reading, OffsetDateTime at) {
    observations.record(
        new RecordReading(
            link.patientId(),
            link.carePlanId(),
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
