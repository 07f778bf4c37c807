package app.lumbra.homecare.application;

import app.lumbra.homecare.domain.HomeCareLogEntry;
import app.lumbra.homecare.domain.HomeCareLogRepository;
import app.lumbra.homecare.domain.HomeCarePlans;
import app.lumbra.homecare.domain.HomeCarePlans.PlanTasks;
import app.lumbra.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Home-care log use cases for the portal and the patient's diary (PLAN-9, ADH-3). */
@ApplicationScoped
@Transactional
public class HomeCareService {

  private HomeCareLogRepository log;
  private HomeCarePlans plans;
  private Clock clock;

  /** For the CDI proxy only. */
  protected HomeCareService() {}

  /** Logs are checked against the plan's own tasks, through the {@link HomeCarePlans} port. */
  @Inject
  public HomeCareService(HomeCareLogRepository log, Instance<HomeCarePlans> plans, Clock clock) {
    this(log, plans.isResolvable() ? plans.get() : null, clock);
  }

  /** Without CDI, e.g. in tests; {@code plans} null skips the check of the task. */
  public HomeCareService(HomeCareLogRepository log, HomeCarePlans plans, Clock clock) {
    this.log = log;
    this.plans = plans == null ? planId -> Optional.empty() : plans;
    this.clock = clock;
  }

  /** Without a care plan module, e.g. in tests: any task id is accepted. */
  public HomeCareService(HomeCareLogRepository log, Clock clock) {
    this(log, (HomeCarePlans) null, clock);
  }

  /**
   * Logs a task for a day; logging the same task and day again replaces the answer.
   *
   * @throws InvalidValueException for a day in the future, a task the plan does not have (PLAN-9)
   *     or a different patient than the plan's
   */
  public HomeCareLogView log(@NotNull @Valid LogHomeCare command) {
    plans.forPlan(command.carePlanId()).ifPresent(plan -> checkTask(plan, command));
    Optional<HomeCareLogEntry> existing =
        log.find(command.carePlanId(), command.taskId(), command.day());
    if (existing.isPresent()) {
      HomeCareLogEntry entry = existing.get();
      if (!entry.patientId().equals(command.patientId())) {
        throw new InvalidValueException(
            "patientId", command.patientId(), "the patient of care plan " + entry.carePlanId());
      }
      entry.relog(command.done(), clock);
      return HomeCareLogView.of(entry);
    }
    HomeCareLogEntry entry =
        HomeCareLogEntry.log(
            command.carePlanId(),
            command.patientId(),
            command.taskId(),
            command.day(),
            command.done(),
            clock);
    log.add(entry);
    return HomeCareLogView.of(entry);
  }

  /** Every logged day of a care plan, by day and task. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<HomeCareLogView> forPlan(@NotNull String carePlanId) {
    return log.forPlan(carePlanId).stream().map(HomeCareLogView::of).toList();
  }

  /** PLAN-9: only the plan's own home-care tasks are tracked, for the plan's patient. */
  private static void checkTask(PlanTasks plan, LogHomeCare command) {
    if (!plan.patientId().equals(command.patientId())) {
      throw new InvalidValueException(
          "patientId", command.patientId(), "the patient of care plan " + plan.carePlanId());
    }
    if (!plan.taskIds().contains(command.taskId())) {
      throw new InvalidValueException(
          "taskId",
          command.taskId(),
          plan.taskIds().isEmpty()
              ? "none: care plan " + plan.carePlanId() + " has no home-care tasks"
              : "one of the plan's home-care tasks " + plan.taskIds());
    }
  }
}
