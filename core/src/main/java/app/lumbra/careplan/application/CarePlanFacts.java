package app.lumbra.careplan.application;

import app.lumbra.adherence.domain.StoppedPeriod;
import app.lumbra.careplan.domain.CarePlan;
import app.lumbra.careplan.domain.CarePlanContent;
import app.lumbra.careplan.domain.CarePlanId;
import app.lumbra.careplan.domain.CarePlanRepository;
import app.lumbra.careplan.domain.CarePlanVersion;
import app.lumbra.careplan.domain.HomeCareTask;
import app.lumbra.careplan.domain.Phase;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.careplan.domain.PlannedSession;
import app.lumbra.progress.application.PhaseFacts;
import app.lumbra.progress.application.PlanFacts;
import app.lumbra.progress.application.PlanFactsView;
import app.lumbra.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the progress module's {@link PlanFacts} port from the stored plan: phases with their
 * planned intervals (ADH-2), the phase of today, the scheduled sessions (ADH-1) and the home-care
 * task ids (ADH-3).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CarePlanFacts implements PlanFacts {

  /** PROG-7: plans in these states schedule no more sessions. */
  private static final Set<PlanStatus> SESSIONS_STOPPED =
      EnumSet.of(PlanStatus.ON_HOLD, PlanStatus.COMPLETED, PlanStatus.REVOKED);

  private CarePlanRepository plans;
  private Clock clock;

  /** For the CDI proxy only. */
  protected CarePlanFacts() {}

  @Inject
  public CarePlanFacts(CarePlanRepository plans, Clock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public Optional<PlanFactsView> forPlan(String carePlanId) {
    CarePlanId id;
    try {
      id = CarePlanId.of(carePlanId);
    } catch (InvalidValueException notAnId) {
      // The port promises "empty when there is no such plan"; a malformed id names none.
      return Optional.empty();
    }
    return plans.find(id).map(this::facts);
  }

  private PlanFactsView facts(CarePlan plan) {
    CarePlanContent content = plan.content();
    LocalDate today = LocalDate.now(clock);
    return new PlanFactsView(
        plan.id().value(),
        plan.patientId().value(),
        content.phases().get(0).startDate(),
        content.phases().stream()
            .filter(phase -> phase.covers(today))
            .map(phase -> phase.kind().name())
            .findFirst()
            .orElse(null),
        content.phases().stream().map(CarePlanFacts::phase).toList(),
        SESSIONS_STOPPED.contains(plan.status()),
        content.sessions().stream().map(PlannedSession::startsAt).toList(),
        content.homeCareTasks().stream().map(HomeCareTask::taskId).toList(),
        stoppedPeriods(plans.versions(plan.id())));
  }

  /**
   * ADH-3: the times the plan was on hold, completed or revoked, from its versions (PLAN-14): each
   * version's status holds from its change until the next version's.
   */
  static List<StoppedPeriod> stoppedPeriods(List<CarePlanVersion> versions) {
    List<StoppedPeriod> periods = new ArrayList<>();
    OffsetDateTime stoppedSince = null;
    for (CarePlanVersion version : versions) {
      boolean stopped = SESSIONS_STOPPED.contains(version.status());
      if (stopped && stoppedSince == null) {
        stoppedSince = version.changedAt();
      } else if (!stopped && stoppedSince != null) {
        periods.add(new StoppedPeriod(stoppedSince, version.changedAt()));
        stoppedSince = null;
      }
    }
    if (stoppedSince != null) {
      periods.add(new StoppedPeriod(stoppedSince, null));
    }
    return periods;
  }

  private static PhaseFacts phase(Phase phase) {
    return PhaseFacts.perWeek(
        phase.kind().name(),
        phase.startDate(),
        phase.endDate().orElse(null),
        phase.frequency().perWeek());
  }
}
