package app.lumbra.careplan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.CarePlans;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CarePlanLifecycleTest {

  private static final Clock LATER = Clock.offset(TestClocks.MONDAY_MORNING, Duration.ofDays(3));

  private static CarePlan draft() {
    return CarePlan.draft(
        PatientId.random(),
        null,
        CarePlans.chronicDeskWorker(),
        "dr.kim",
        TestClocks.MONDAY_MORNING);
  }

  @Test
  @DisplayName("PLAN-14: draft becomes active then on hold then resumes and completes")
  void PLAN_14_draftBecomesActiveThenOnHoldThenResumesAndCompletes() {
    CarePlan plan = draft();
    assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
    assertThat(plan.lastChange()).isEqualTo(PlanChange.CREATED);

    plan.activate("dr.kim", TestClocks.MONDAY_MORNING);
    plan.putOnHold("pt.lee", LATER);
    assertThat(plan.status()).isEqualTo(PlanStatus.ON_HOLD);
    assertThat(plan.updatedBy()).isEqualTo("pt.lee");
    assertThat(plan.updatedAt()).isEqualTo(OffsetDateTime.now(LATER));

    plan.resume("dr.kim", LATER);
    assertThat(plan.lastChange()).isEqualTo(PlanChange.RESUMED);
    plan.complete("dr.kim", LATER);
    assertThat(plan.status()).isEqualTo(PlanStatus.COMPLETED);
  }

  @Test
  @DisplayName("PLAN-14: completed plan cannot be edited or reopened")
  void PLAN_14_completedPlanCannotBeEditedOrReopened() {
    CarePlan plan = draft();
    plan.activate("dr.kim", TestClocks.MONDAY_MORNING);
    plan.complete("dr.kim", TestClocks.MONDAY_MORNING);

    assertThatThrownBy(() -> plan.revise(CarePlans.chronicDeskWorker(), "dr.kim", LATER))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("PLAN-14");
    assertThatThrownBy(() -> plan.activate("dr.kim", LATER))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("COMPLETED plan cannot become ACTIVE");
  }

  @Test
  @DisplayName("PLAN-14: draft can be revoked but not put on hold")
  void PLAN_14_draftCanBeRevokedButNotPutOnHold() {
    CarePlan plan = draft();

    assertThatThrownBy(() -> plan.putOnHold("dr.kim", LATER))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("allowed: [ACTIVE, REVOKED]");
    plan.revoke("dr.kim", LATER);
    assertThat(plan.status()).isEqualTo(PlanStatus.REVOKED);
  }

  @Test
  @DisplayName("PLAN-14: every change names who")
  void PLAN_14_everyChangeNamesWho() {
    assertThatThrownBy(
            () ->
                CarePlan.draft(
                    PatientId.random(),
                    null,
                    CarePlans.chronicDeskWorker(),
                    " ",
                    TestClocks.MONDAY_MORNING))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("author");
  }

  @Test
  void editedContentReplacesTheOldAndReadsBackEqual() {
    CarePlan plan = draft();
    CarePlanContent discPlan = CarePlans.discHerniation();

    plan.revise(discPlan, "dr.kim", LATER);

    assertThat(plan.content()).isEqualTo(discPlan);
    assertThat(plan.lastChange()).isEqualTo(PlanChange.EDITED);
  }
}
