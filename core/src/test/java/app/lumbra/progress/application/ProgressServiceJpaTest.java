package app.lumbra.progress.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.homecare.application.HomeCareService;
import app.lumbra.homecare.application.LogHomeCare;
import app.lumbra.homecare.persistence.JpaHomeCareRepositories;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.observation.persistence.JpaObservationRepositories;
import app.lumbra.progress.domain.Classification;
import app.lumbra.progress.domain.NextStep;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.progress.domain.SessionEffect;
import app.lumbra.safety.persistence.JpaSafetyRepositories;
import app.lumbra.session.application.PerformedSessionData;
import app.lumbra.session.application.RecordAttendedSession;
import app.lumbra.session.application.RecordUnscheduledSession;
import app.lumbra.session.application.ScheduleSession;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.application.SessionsOfReadings;
import app.lumbra.session.application.SoapNotesData;
import app.lumbra.session.persistence.JpaSessionRepositories;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A three-week journey recorded through the services and stored, then reported on: the report reads
 * what the services wrote, in the clinic's time zone.
 */
class ProgressServiceJpaTest {

  private static final String PLAN = "plan-of-the-desk-worker-with-leg-pain";
  private static final String PATIENT = "patient-42";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate START = LocalDate.of(2026, 2, 2);

  /** Day 20 of the plan, in the evening. */
  private static final Clock DAY_20 =
      Clock.fixed(START.plusDays(20).atTime(21, 0).atZone(BERLIN).toInstant(), BERLIN);

  private JpaTestDatabase db;
  private EntityManager em;
  private SessionService sessions;
  private ObservationService observations;
  private HomeCareService homeCare;
  private ProgressService progress;

  private static PlanFactsView facts() {
    return new PlanFactsView(
        PLAN,
        PATIENT,
        START,
        PlannedPhase.INITIAL,
        List.of(PhaseFacts.perWeek(PlannedPhase.INITIAL, START, START.plusWeeks(6), 2)),
        false,
        List.of(),
        List.of("gentle-stretching"));
  }

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    var sessionRepository = JpaSessionRepositories.on(em);
    var observationRepository = JpaObservationRepositories.on(em);
    var homeCareRepository = JpaHomeCareRepositories.on(em);
    sessions =
        new SessionService(
            sessionRepository,
            observationRepository,
            DAY_20,
            new RecordedEvents<>(),
            JpaSafetyRepositories.serviceOn(em, DAY_20));
    observations =
        new ObservationService(
            observationRepository, new SessionsOfReadings(sessionRepository), DAY_20);
    homeCare = new HomeCareService(homeCareRepository, DAY_20);
    PlanFacts planFacts = id -> PLAN.equals(id) ? Optional.of(facts()) : Optional.empty();
    progress =
        new ProgressService(
            planFacts,
            sessionRepository,
            observationRepository,
            homeCareRepository,
            ProgressThresholds.defaults(),
            AdherenceThresholds.defaults(),
            DAY_20);
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private static OffsetDateTime at(int day, int hour) {
    return START.plusDays(day).atTime(LocalTime.of(hour, 0)).atZone(BERLIN).toOffsetDateTime();
  }

  private static PerformedSessionData performed(int day, Integer pre, Integer post) {
    return new PerformedSessionData(
        at(day, 9),
        45,
        "Jana Novak, LMT",
        Set.of(Technique.MYOFASCIAL_RELEASE),
        Set.of(TargetRegion.LOWER_BACK),
        pre,
        post,
        SoapNotesData.none(),
        List.of(),
        ReadingSource.PORTAL);
  }

  private void attend(int day, int pre, int post) {
    db.inTransaction(
        em,
        () -> {
          SessionView planned =
              sessions.schedule(
                  new ScheduleSession(
                      PLAN, PATIENT, at(day, 9), 45, Set.of(), Set.of(TargetRegion.LOWER_BACK)));
          return sessions.recordAttended(
              new RecordAttendedSession(
                  planned.id(), planned.version(), performed(day, pre, post)));
        });
  }

  private void diary(int day, SymptomReading reading, String plan) {
    db.inTransaction(
        em,
        () ->
            observations.record(
                new RecordReading(
                    PATIENT,
                    plan,
                    null,
                    ReadingContext.DIARY,
                    ReadingSource.HOME_DIARY,
                    at(day, 20),
                    reading)));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void theReportReadsSessionsReadingsAndHomeCareAsStored(JpaTestDatabase.Kind kind) {
    start(kind);
    for (int day : new int[] {0, 3, 7, 10, 14, 17}) {
      int level = day < 7 ? 7 : day < 14 ? 5 : 4;
      attend(day, level, level - 2);
    }
    // An EHR reports a session without pain and sends the pain as observations of it.
    SessionView fromEhr =
        db.inTransaction(
            em,
            () ->
                sessions.recordUnscheduled(
                    new RecordUnscheduledSession(PLAN, PATIENT, performed(19, null, null))));
    for (ReadingContext context :
        List.of(ReadingContext.PRE_SESSION, ReadingContext.POST_SESSION)) {
      db.inTransaction(
          em,
          () ->
              observations.record(
                  new RecordReading(
                      PATIENT,
                      null,
                      fromEhr.id(),
                      context,
                      ReadingSource.EHR_IMPORT,
                      at(19, 9),
                      PainScore.of(context == ReadingContext.PRE_SESSION ? 4 : 1))));
    }
    for (int day = 0; day <= 20; day++) {
      // Diary entries without a plan id still count: they are the same patient's pain.
      diary(day, PainScore.of(day < 7 ? 7 : day < 14 ? 5 : 4), day % 2 == 0 ? PLAN : null);
      if (day % 3 == 0) {
        int d = day;
        db.inTransaction(
            em,
            () ->
                homeCare.log(
                    new LogHomeCare(PLAN, PATIENT, "gentle-stretching", START.plusDays(d), true)));
      }
    }
    diary(0, LegPain.absent(), PLAN);
    diary(18, LegPain.present(LegPain.Side.LEFT), PLAN);

    ProgressReport report = db.inTransaction(em, () -> progress.report(PLAN));

    assertThat(report.sessionEffects()).hasSize(7);
    assertThat(report.sessionEffects())
        .last()
        .extracting(SessionEffect::prePain, SessionEffect::postPain, SessionEffect::effect)
        .containsExactly(4, 1, -3);
    assertThat(report.baselineComparison().orElseThrow().baseline()).isEqualTo(7.0);
    assertThat(report.baselineComparison().orElseThrow().current()).isEqualTo(4.0);
    assertThat(report.classification()).isEqualTo(Classification.IMPROVING);
    assertThat(report.trend().daily()).hasSize(21);
    assertThat(report.adherence().attendance().attended()).isEqualTo(7);
    assertThat(report.adherence().homeCare())
        .singleElement()
        .satisfies(task -> assertThat(task.daysDone()).isEqualTo(7))
        .satisfies(task -> assertThat(task.daysElapsed()).isEqualTo(21));
    assertThat(report.alertsOf("PROG-6"))
        .singleElement()
        .satisfies(
            alert -> assertThat(alert.suggestedNextStep()).isEqualTo(NextStep.CLINICIAN_REVIEW));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void anUnknownPlanIsNotFound(JpaTestDatabase.Kind kind) {
    start(kind);
    assertThatThrownBy(() -> db.inTransaction(em, () -> progress.report("no-such-plan")))
        .isInstanceOf(NotFoundException.class);
  }
}
