package app.lumbra.web.portal.plans;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** PLAN-14: one stored version of a plan, read-only. */
@Named
@RequestScoped
public class PlanVersionPage {

  @Inject CarePlanService plans;

  private String planId;
  private long number;
  private CarePlanView version;

  public void load() {
    version = plans.version(planId, number);
  }

  public String getPlanId() {
    return planId;
  }

  public void setPlanId(String planId) {
    this.planId = planId;
  }

  public long getNumber() {
    return number;
  }

  public void setNumber(long number) {
    this.number = number;
  }

  public CarePlanView getVersion() {
    return version;
  }
}
