package app.lumbra.careplan.application;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.careplan.domain.CarePlan;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.PlanChecker;
import app.lumbra.fixtures.CarePlans;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.domain.PatientId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CarePlanSnapshotsTest {

  private static CarePlanView view() {
    CarePlan plan =
        CarePlan.draft(
            PatientId.random(),
            null,
            CarePlans.discHerniation(),
            "dr.kim",
            TestClocks.MONDAY_MORNING);
    return CarePlanMapper.view(
        plan, new PlanChecker(CarePolicy.withDefaults()).check(plan.content()));
  }

  @Test
  @DisplayName("PLAN-14: snapshot reads back as the same view")
  void PLAN_14_snapshotReadsBackAsTheSameView() {
    CarePlanView view = view();

    CarePlanView read = CarePlanSnapshots.read(CarePlanSnapshots.write(view));

    assertThat(read).usingRecursiveComparison().isEqualTo(view);
  }

  @Test
  @DisplayName("PLAN-14: versions written with fields this release does not know stay readable")
  void PLAN_14_versionsWrittenWithFieldsThisReleaseDoesNotKnowStayReadable() {
    String json = CarePlanSnapshots.write(view());
    String fromLaterRelease = "{\"fieldOfALaterRelease\":42," + json.substring(1);

    assertThat(CarePlanSnapshots.read(fromLaterRelease).createdBy()).isEqualTo("dr.kim");
  }
}
