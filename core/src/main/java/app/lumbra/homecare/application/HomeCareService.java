package app.lumbra.homecare.application;

import app.lumbra.homecare.domain.HomeCareLogEntry;
import app.lumbra.homecare.domain.HomeCareLogRepository;
import app.lumbra.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
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
  private Clock clock;

  /** For the CDI proxy only. */
  protected HomeCareService() {}

  @Inject
  public HomeCareService(HomeCareLogRepository log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /**
   * Logs a task for a day; logging the same task and day again replaces the answer.
   *
   * @throws InvalidValueException for a day in the future or a different patient than the one
   *     already logged for the plan
   */
  public HomeCareLogView log(@NotNull @Valid LogHomeCare command) {
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
}
