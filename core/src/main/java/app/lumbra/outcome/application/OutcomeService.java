package app.lumbra.outcome.application;

import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.GoalStatus;
import app.lumbra.careplan.domain.IntRange;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.observation.domain.SymptomObservationRepository;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.outcome.domain.DischargeReason;
import app.lumbra.outcome.domain.DischargeSummary;
import app.lumbra.outcome.domain.DischargeSummaryRepository;
import app.lumbra.outcome.domain.FunctionQuestionnaire;
import app.lumbra.outcome.domain.MeasurePoint;
import app.lumbra.outcome.domain.OutcomeAnalysis;
import app.lumbra.outcome.domain.OutcomeReport;
import app.lumbra.outcome.domain.OutcomeSnapshot;
import app.lumbra.outcome.domain.OutcomeThresholds;
import app.lumbra.outcome.domain.Reassessment;
import app.lumbra.outcome.domain.ReassessmentRepository;
import app.lumbra.outcome.domain.ReassessmentSchedule;
import app.lumbra.outcome.domain.TrackedMeasure;
import app.lumbra.progress.application.ProgressService;
import app.lumbra.progress.domain.PainReading;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.safety.application.RecordRedFlagScreen;
import app.lumbra.safety.application.RedFlagScreenView;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outcome use cases (OUT-1..OUT-4): the outcome report of a plan, completing a reassessment and
 * discharging a patient. Each write is one transaction; a refused one stores nothing.
 */
@ApplicationScoped
@Transactional
public class OutcomeService {

  private CarePlanService plans;
  private ProgressService progress;
  private ObservationService observations;
  private SymptomObservationRepository readings;
  private SafetyService safety;
  private ReassessmentRepository reassessments;
  private DischargeSummaryRepository summaries;
  private CarePolicy policy;
  private ProgressThresholds painThresholds;
  private OutcomeThresholds thresholds;
  private Clock clock;

  /** For the CDI proxy only. */
  protected OutcomeService() {}

  @Inject
  public OutcomeService(
      CarePlanService plans,
      ProgressService progress,
      ObservationService observations,
      SymptomObservationRepository readings,
      SafetyService safety,
      ReassessmentRepository reassessments,
      DischargeSummaryRepository summaries,
      CarePolicy policy,
      ProgressThresholds painThresholds,
      OutcomeThresholds thresholds,
      Clock clock) {
    this.plans = plans;
    this.progress = progress;
    this.observations = observations;
    this.readings = readings;
    this.safety = safety;
    this.reassessments = reassessments;
    this.summaries = summaries;
    this.policy = policy;
    this.painThresholds = painThresholds;
    this.thresholds = thresholds;
    this.clock = clock;
  }

  /**
   * The outcomes of a plan as of now (OUT-1..OUT-4).
   *
   * @throws app.lumbra.shared.NotFoundException when the plan does not exist
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public OutcomeReport report(@NotNull String carePlanId) {
    CarePlanView plan = plans.get(carePlanId);
    return OutcomeAnalysis.analyse(
        progress.report(carePlanId), snapshot(plan), painThresholds, thresholds, clock);
  }

  /**
   * OUT-2: records pain, function and the red-flag screen (SAFE-1) of a reassessment together. The
   * values are checked before anything is stored; a positive screen is recorded like any other and
   * blocks activation and booking as SAFE-1 says.
   *
   * @throws InvalidValueException naming the field when a value is missing or out of range
   * @throws RuleViolationException when the plan is completed or revoked
   */
  public ReassessmentView completeReassessment(@NotNull @Valid CompleteReassessment command) {
    CarePlanView plan = plans.get(command.carePlanId());
    if (plan.status().isFinal()) {
      throw new RuleViolationException(
          ReassessmentSchedule.RULE,
          "carePlanId",
          "The plan is "
              + plan.status().name().toLowerCase()
              + ": reassessments are recorded for open plans only");
    }
    PainScore pain = PainScore.of(ObservationCode.PAIN.measure().parseScore(command.painScore()));
    SymptomReading function =
        FunctionQuestionnaire.fromCode(command.functionMeasure()).reading(command.functionScore());
    OffsetDateTime now = OffsetDateTime.now(clock);
    ObservationView painReading = record(plan, pain, now);
    ObservationView functionReading = record(plan, function, now);
    RedFlagScreenView screen =
        safety.recordScreen(
            new RecordRedFlagScreen(
                plan.id(), command.redFlags(), command.note(), command.author()));
    Reassessment done =
        Reassessment.complete(
            plan.patientId(),
            plan.id(),
            painReading.id(),
            functionReading.id(),
            screen.id(),
            command.author(),
            clock);
    reassessments.add(done);
    return ReassessmentView.of(done);
  }

  /** The plan's completed reassessments, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ReassessmentView> reassessments(@NotNull String carePlanId) {
    return reassessments.forPlan(carePlanId).stream().map(ReassessmentView::of).toList();
  }

  /**
   * OUT-3: discharges the patient: writes the summary from the outcome report of now and completes
   * the plan (PLAN-14), in one transaction.
   *
   * @throws InvalidValueException when the reason is missing, or OTHER without a note
   * @throws RuleViolationException when the plan was already discharged
   * @throws app.lumbra.shared.VersionConflictException when the plan changed since it was read
   */
  public DischargeSummaryView discharge(@NotNull @Valid DischargePlan command) {
    if (summaries.forPlan(command.carePlanId()).isPresent()) {
      throw new RuleViolationException(
          "OUT-3", "carePlanId", "The patient was already discharged from this plan");
    }
    CarePlanView plan = plans.get(command.carePlanId());
    DischargeReason reason =
        InvalidValueException.required(
            DischargeReason.FIELD,
            command.reason(),
            "one of " + List.of(DischargeReason.values()).toString().replaceAll("[\\[\\]]", ""));
    OutcomeReport report = report(plan.id());
    DischargeSummary summary =
        DischargeSummary.write(
            plan.patientId(), report, reason, command.note(), command.author(), clock);
    plans.complete(new PlanTransition(plan.id(), command.expectedVersion(), command.author()));
    summaries.add(summary);
    return DischargeSummaryView.of(summary);
  }

  /** OUT-3: the plan's discharge summary, if the patient was discharged from it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<DischargeSummaryView> dischargeSummary(@NotNull String carePlanId) {
    return summaries.forPlan(carePlanId).map(DischargeSummaryView::of);
  }

  private ObservationView record(CarePlanView plan, SymptomReading reading, OffsetDateTime at) {
    return observations.record(
        new RecordReading(
            plan.patientId(),
            plan.id(),
            null,
            ReadingContext.DIARY,
            ReadingSource.PORTAL,
            at,
            reading));
  }

  private OutcomeSnapshot snapshot(CarePlanView plan) {
    List<PhaseData> phases = plan.content().phases();
    List<PlannedPhase> planned =
        phases.stream()
            .map(
                phase ->
                    new PlannedPhase(
                        phase.kind().name(),
                        phase.startDate(),
                        phase.endDate(),
                        PlannedPhase.intervalForWeekly(
                            (double) phase.sessionsPerPeriod() / phase.periodWeeks())))
            .toList();
    List<MeasurePoint> points = new ArrayList<>();
    List<PainReading> pain = new ArrayList<>();
    OffsetDateTime since =
        phases.get(0).startDate().atStartOfDay(clock.getZone()).toOffsetDateTime();
    for (TrackedMeasure measure : TrackedMeasure.values()) {
      for (SymptomObservation o : readings(plan, measure.code(), since)) {
        boolean patientReported = o.source() == ReadingSource.HOME_DIARY;
        if (measure == TrackedMeasure.PAIN) {
          pain.add(new PainReading(o.effectiveAt(), (PainScore) o.reading(), o.context()));
          if (o.context() == ReadingContext.POST_SESSION) {
            // PROG-2: post-session scores measure a session's relief, not the pain level.
            continue;
          }
        }
        MeasurePoint.of(o.id(), o.code(), o.reading(), o.effectiveAt(), patientReported)
            .ifPresent(points::add);
      }
    }
    IntRange range = policy.maintenanceWeeks(plan.content().factors().lifestyles());
    return new OutcomeSnapshot(
        plan.id(),
        phases.get(0).startDate(),
        !plan.status().isFinal(),
        planned,
        plan.content().sessions().stream().map(SessionData::startsAt).toList(),
        points,
        pain,
        reassessments.forPlan(plan.id()).stream().map(Reassessment::completedAt).toList(),
        plan.content().goals().stream()
            .filter(goal -> goal.targetPainAtMost() != null)
            .filter(
                goal -> goal.status() == GoalStatus.ACTIVE || goal.status() == GoalStatus.PROPOSED)
            .map(GoalData::targetPainAtMost)
            .toList(),
        new int[] {range.min(), range.max()});
  }

  /**
   * The plan's readings of a measure, plus the patient's readings without a plan since the plan
   * started (as progress reads them: an EHR or a diary does not always know the plan).
   */
  private List<SymptomObservation> readings(
      CarePlanView plan, ObservationCode code, OffsetDateTime since) {
    Map<String, SymptomObservation> byId = new LinkedHashMap<>();
    readings.forPlan(plan.id(), code).forEach(o -> byId.put(o.id(), o));
    readings.forPatient(plan.patientId(), code, since).stream()
        .filter(o -> o.carePlanId().isEmpty())
        .forEach(o -> byId.put(o.id(), o));
    return new ArrayList<>(byId.values());
  }
}
