package app.lumbra.homecare.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.homecare.application.HomeCareLogView;
import app.lumbra.homecare.application.HomeCareService;
import app.lumbra.homecare.application.LogHomeCare;
import app.lumbra.homecare.domain.HomeCarePlans.PlanTasks;
import app.lumbra.session.CareData;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HomeCareServiceJpaTest {

  private static final LocalDate SUNDAY = LocalDate.of(2026, 3, 1);

  private JpaTestDatabase db;
  private EntityManager em;
  private HomeCareService service;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    service = new HomeCareService(new JpaHomeCareLogRepository(em), TestClocks.MONDAY_MORNING);
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private HomeCareLogView log(String task, LocalDate day, boolean done) {
    return db.inTransaction(
        em, () -> service.log(new LogHomeCare(CareData.PLAN, CareData.PATIENT, task, day, done)));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("ADH-3: one answer per task and day which the last log decides")
  void ADH_3_oneAnswerPerTaskAndDayWhichTheLastLogDecides(JpaTestDatabase.Kind kind) {
    start(kind);
    log("gentle-stretching", SUNDAY, false);
    log("gentle-stretching", SUNDAY, true);
    log("hydration", SUNDAY, true);
    log("gentle-stretching", SUNDAY.minusDays(1), true);

    List<HomeCareLogView> logged = db.inTransaction(em, () -> service.forPlan(CareData.PLAN));
    assertThat(logged)
        .extracting(HomeCareLogView::taskId, HomeCareLogView::day, HomeCareLogView::done)
        .containsExactly(
            Tuple.tuple("gentle-stretching", SUNDAY.minusDays(1), true),
            Tuple.tuple("gentle-stretching", SUNDAY, true),
            Tuple.tuple("hydration", SUNDAY, true));
    assertThat(db.countRows("home_care_log")).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-4: a day in the future cannot be logged")
  void OBS_4_aDayInTheFutureCannotBeLogged(JpaTestDatabase.Kind kind) {
    start(kind);
    assertThatThrownBy(() -> log("hydration", SUNDAY.plusDays(2), true))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("day");
    assertThat(db.countRows("home_care_log")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-9: only the plan's own home-care tasks are logged; nothing else is stored")
  void PLAN_9_aTaskThePlanDoesNotHaveIsRejectedAndNothingIsStored(JpaTestDatabase.Kind kind) {
    start(kind);
    PlanTasks plan =
        new PlanTasks(CareData.PLAN, CareData.PATIENT, List.of("hydration", "gentle-stretching"));
    service =
        new HomeCareService(
            new JpaHomeCareLogRepository(em),
            planId -> planId.equals(CareData.PLAN) ? Optional.of(plan) : Optional.empty(),
            TestClocks.MONDAY_MORNING);

    log("hydration", SUNDAY, true);
    assertThatThrownBy(() -> log("yoga", SUNDAY, true))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("taskId")
        .hasMessageContaining("hydration, gentle-stretching");
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        service.log(
                            new LogHomeCare(
                                CareData.PLAN, "someone-else", "hydration", SUNDAY, true))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("patientId");

    assertThat(db.inTransaction(em, () -> service.forPlan(CareData.PLAN)))
        .extracting(HomeCareLogView::taskId)
        .containsExactly("hydration");
  }
}
