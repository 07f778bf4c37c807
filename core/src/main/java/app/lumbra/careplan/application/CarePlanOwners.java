package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.CarePlan;
import app.lumbra.careplan.domain.CarePlanId;
import app.lumbra.careplan.domain.CarePlanRepository;
import app.lumbra.safety.application.PlanOwners;
import app.lumbra.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Answers the safety module's {@link PlanOwners} port from the stored plans. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CarePlanOwners implements PlanOwners {

  private CarePlanRepository plans;

  /** For the CDI proxy only. */
  protected CarePlanOwners() {}

  @Inject
  public CarePlanOwners(CarePlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public Optional<String> patientOf(String carePlanId) {
    CarePlanId id;
    try {
      id = CarePlanId.of(carePlanId);
    } catch (InvalidValueException notAnId) {
      return Optional.empty();
    }
    return plans.find(id).map(CarePlan::patientId).map(patient -> patient.value());
  }
}
