package app.lumbra.session.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomObservationRepository;
import app.lumbra.observation.persistence.JpaObservationRepositories;
import app.lumbra.safety.persistence.JpaSafetyRepositories;
import app.lumbra.session.CareData;
import app.lumbra.session.application.CancelSession;
import app.lumbra.session.application.MarkSessionMissed;
import app.lumbra.session.application.PerformedSessionData;
import app.lumbra.session.application.RecordAttendedSession;
import app.lumbra.session.application.RecordUnscheduledSession;
import app.lumbra.session.application.ScheduleSession;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.domain.CancelledBy;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.session.domain.TreatmentSession;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sessions through the service on the real mappings and migrations, H2 and PostgreSQL. */
class SessionServiceJpaTest {

  private JpaTestDatabase db;
  private EntityManager em;
  private SessionService service;
  private SymptomObservationRepository observations;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    observations = JpaObservationRepositories.on(em);
    service =
        new SessionService(
            new JpaTreatmentSessionRepository(em),
            observations,
            TestClocks.MONDAY_MORNING,
            new RecordedEvents<>(),
            JpaSafetyRepositories.serviceOn(em, TestClocks.MONDAY_MORNING));
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-3: an attended session survives a round trip with its readings")
  void OBS_3_anAttendedSessionSurvivesARoundTripWithItsReadings(JpaTestDatabase.Kind kind) {
    start(kind);
    SessionView planned =
        db.inTransaction(em, () -> service.schedule(CareData.lowerBackSessionLastFriday()));
    assertThat(planned.status()).isEqualTo(SessionStatus.PLANNED);
    assertThat(planned.plannedDurationMinutes()).isEqualTo(45);

    db.inTransaction(
        em,
        () ->
            service.recordAttended(
                new RecordAttendedSession(
                    planned.id(), planned.version(), CareData.myofascialReliefFromSevenToFour())));

    SessionView read = db.inTransaction(em, () -> service.get(planned.id()));
    PerformedSessionData performed = CareData.myofascialReliefFromSevenToFour();
    assertThat(read.status()).isEqualTo(SessionStatus.ATTENDED);
    assertThat(read.scheduledAt()).isEqualTo(CareData.lastFridayAtTen());
    assertThat(read.scheduledAt().getOffset()).isEqualTo(CareData.BERLIN_WINTER);
    assertThat(read.performedAt()).isEqualTo(performed.performedAt());
    assertThat(read.durationMinutes()).isEqualTo(50);
    assertThat(read.therapist()).isEqualTo("Jana Novak, LMT");
    assertThat(read.techniques())
        .containsExactlyInAnyOrder(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING);
    assertThat(read.targetRegions())
        .containsExactlyInAnyOrder(TargetRegion.LOWER_BACK, TargetRegion.HIPS);
    assertThat(read.untargeted()).isFalse();
    assertThat(read.prePain()).isEqualTo(7);
    assertThat(read.postPain()).isEqualTo(4);
    assertThat(read.notes()).isEqualTo(performed.notes());
    assertThat(read.version()).isGreaterThan(planned.version());

    var readings = db.inTransaction(em, () -> observations.forSession(planned.id()));
    assertThat(readings)
        .extracting(o -> o.context(), o -> o.reading())
        .containsExactlyInAnyOrder(
            Tuple.tuple(ReadingContext.PRE_SESSION, PainScore.of(7)),
            Tuple.tuple(ReadingContext.POST_SESSION, PainScore.of(4)),
            Tuple.tuple(ReadingContext.PRE_SESSION, StiffnessScore.of(6, true)),
            Tuple.tuple(ReadingContext.POST_SESSION, StiffnessScore.of(3, false)));
    assertThat(readings).allSatisfy(o -> assertThat(o.carePlanId()).contains(CareData.PLAN));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-3: missed and cancelled sessions keep their reasons")
  void OBS_3_missedAndCancelledSessionsKeepTheirReasons(JpaTestDatabase.Kind kind) {
    start(kind);
    SessionView due =
        db.inTransaction(em, () -> service.schedule(CareData.lowerBackSessionLastFriday()));
    SessionView later =
        db.inTransaction(em, () -> service.schedule(CareData.lowerBackSessionNextWeek()));

    db.inTransaction(em, () -> service.markMissed(new MarkSessionMissed(due.id(), null, "flu")));
    db.inTransaction(
        em, () -> service.cancel(new CancelSession(later.id(), later.version(), "clinic closed")));

    List<SessionView> plan = db.inTransaction(em, () -> service.listForPlan(CareData.PLAN));
    assertThat(plan)
        .extracting(SessionView::status, SessionView::statusReason)
        .containsExactly(
            Tuple.tuple(SessionStatus.MISSED, "flu"),
            Tuple.tuple(SessionStatus.CANCELLED, "clinic closed"));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-4: a rejected session record stores nothing")
  void OBS_4_aRejectedSessionRecordStoresNothing(JpaTestDatabase.Kind kind) {
    start(kind);
    SessionView planned =
        db.inTransaction(em, () -> service.schedule(CareData.lowerBackSessionLastFriday()));
    PerformedSessionData good = CareData.myofascialReliefFromSevenToFour();
    PerformedSessionData painOfEleven =
        new PerformedSessionData(
            good.performedAt(),
            good.durationMinutes(),
            good.therapist(),
            good.techniques(),
            good.targetRegions(),
            good.prePain(),
            11,
            good.notes(),
            good.readings(),
            good.source());

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        service.recordAttended(
                            new RecordAttendedSession(planned.id(), null, painOfEleven))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("postPain")
        .hasMessageContaining("from 0 to 10");
    assertThat(db.inTransaction(em, () -> service.get(planned.id())).status())
        .isEqualTo(SessionStatus.PLANNED);
    assertThat(db.countRows("symptom_observation")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-5: a session outside thirty to sixty minutes is not stored")
  void PLAN_5_aSessionOutsideThirtyToSixtyMinutesIsNotStored(JpaTestDatabase.Kind kind) {
    start(kind);
    var command = CareData.lowerBackSessionLastFriday();
    var tooLong =
        new ScheduleSession(
            command.carePlanId(),
            command.patientId(),
            command.scheduledAt(),
            90,
            command.techniques(),
            command.targetRegions());
    assertThatThrownBy(() -> db.inTransaction(em, () -> service.schedule(tooLong)))
        .hasMessageContaining("PLAN-5");
    assertThat(db.countRows("treatment_session")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("ADH-1: who cancelled a session is stored; older cancellations are the clinic's")
  void ADH_1_whoCancelledASessionIsStored(JpaTestDatabase.Kind kind) {
    start(kind);
    SessionView byPatient =
        db.inTransaction(em, () -> service.schedule(CareData.lowerBackSessionNextWeek()));
    SessionView byClinic =
        db.inTransaction(em, () -> service.schedule(CareData.lowerBackSessionLastFriday()));
    db.inTransaction(
        em,
        () ->
            service.cancel(
                new CancelSession(
                    byPatient.id(), byPatient.version(), "Patient away", CancelledBy.PATIENT)));
    db.inTransaction(
        em, () -> service.cancel(new CancelSession(byClinic.id(), null, "Therapist ill")));
    em.clear();

    var repository = new JpaTreatmentSessionRepository(em);
    assertThat(repository.get(byPatient.id()).cancelledBy()).contains(CancelledBy.PATIENT);
    assertThat(repository.get(byClinic.id()).cancelledBy()).contains(CancelledBy.CLINIC);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-5: a performed 70-minute session is recorded, with a warning, not refused")
  void PLAN_5_aPerformed70MinuteSessionIsRecordedWithAWarning(JpaTestDatabase.Kind kind) {
    start(kind);
    PerformedSessionData usual = CareData.myofascialReliefFromSevenToFour();
    PerformedSessionData seventy =
        new PerformedSessionData(
            usual.performedAt(),
            70,
            usual.therapist(),
            usual.techniques(),
            usual.targetRegions(),
            usual.prePain(),
            usual.postPain(),
            usual.notes(),
            usual.readings(),
            usual.source());

    SessionView recorded =
        db.inTransaction(
            em,
            () ->
                service.recordUnscheduled(
                    new RecordUnscheduledSession(CareData.PLAN, CareData.PATIENT, seventy)));

    SessionView read = db.inTransaction(em, () -> service.get(recorded.id()));
    assertThat(read.durationMinutes()).isEqualTo(70);
    assertThat(read.warnings()).singleElement().asString().contains("70 minutes");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void theSecondOfTwoConcurrentWritersGetsAConflict(JpaTestDatabase.Kind kind) {
    start(kind);
    SessionView planned =
        db.inTransaction(em, () -> service.schedule(CareData.lowerBackSessionLastFriday()));

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em, () -> service.cancel(new CancelSession(planned.id(), 7L, "stale edit"))))
        .isInstanceOf(VersionConflictException.class);

    EntityManager other = db.entityManager();
    JpaTreatmentSessionRepository first = new JpaTreatmentSessionRepository(em);
    JpaTreatmentSessionRepository second = new JpaTreatmentSessionRepository(other);
    em.getTransaction().begin();
    other.getTransaction().begin();
    TreatmentSession mine = first.get(planned.id());
    TreatmentSession theirs = second.get(planned.id());
    mine.cancel("patient moved away", TestClocks.MONDAY_MORNING);
    first.flush(mine);
    em.getTransaction().commit();
    theirs.markMissed("no show", TestClocks.MONDAY_MORNING);
    assertThatThrownBy(() -> second.flush(theirs)).isInstanceOf(VersionConflictException.class);
    other.getTransaction().rollback();
    em.clear();

    assertThat(db.inTransaction(em, () -> service.get(planned.id())).status())
        .isEqualTo(SessionStatus.CANCELLED);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-3: a missed session cannot be attended later")
  void OBS_3_aMissedSessionCannotBeAttendedLater(JpaTestDatabase.Kind kind) {
    start(kind);
    SessionView due =
        db.inTransaction(em, () -> service.schedule(CareData.lowerBackSessionLastFriday()));
    db.inTransaction(em, () -> service.markMissed(new MarkSessionMissed(due.id(), null, "flu")));
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        service.recordAttended(
                            new RecordAttendedSession(
                                due.id(), null, CareData.myofascialReliefFromSevenToFour()))))
        .isInstanceOf(RuleViolationException.class);
  }
}
