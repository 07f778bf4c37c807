package app.lumbra.observation.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.observation.application.ObservationPage;
import app.lumbra.observation.application.ObservationQuery;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.DailyActivityDifficulty;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.safety.persistence.JpaSafetyRepositories;
import app.lumbra.session.CareData;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.application.SessionsOfReadings;
import app.lumbra.session.persistence.JpaSessionRepositories;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Symptom readings through the service on the real mappings and migrations. */
class ObservationServiceJpaTest {

  /** The patient's pain scores, oldest first. */
  private static final ReadingCriteria PAIN_BY_DATE =
      new ReadingCriteria(
          CareData.PATIENT,
          null,
          null,
          Set.of(ObservationCode.PAIN),
          null,
          null,
          null,
          null,
          ReadingCriteria.ReadingOrder.EFFECTIVE);

  private static final OffsetDateTime FEB_1_MORNING =
      OffsetDateTime.of(2026, 2, 1, 8, 0, 0, 0, ZoneOffset.ofHours(1));

  private JpaTestDatabase db;
  private EntityManager em;
  private ObservationService service;
  private SessionService sessions;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    var sessionRepository = JpaSessionRepositories.on(em);
    var observationRepository = new JpaSymptomObservationRepository(em);
    service =
        new ObservationService(
            observationRepository,
            new SessionsOfReadings(sessionRepository),
            TestClocks.MONDAY_MORNING);
    sessions =
        new SessionService(
            sessionRepository,
            observationRepository,
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

  private ObservationView diary(int daysAfterFeb1, SymptomReading reading) {
    return db.inTransaction(
        em,
        () ->
            service.record(
                new RecordReading(
                    CareData.PATIENT,
                    CareData.PLAN,
                    null,
                    ReadingContext.DIARY,
                    ReadingSource.HOME_DIARY,
                    FEB_1_MORNING.plusDays(daysAfterFeb1),
                    reading)));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-2: every kind of reading comes back as it was recorded")
  void OBS_2_everyKindOfReadingComesBackAsItWasRecorded(JpaTestDatabase.Kind kind) {
    start(kind);
    List<SymptomReading> readings =
        List.of(
            PainScore.of(6),
            StiffnessScore.of(5, true),
            SpasmFrequency.OCCASIONAL,
            LegPain.present(LegPain.Side.RIGHT),
            LegPain.absent(),
            OswestryScore.of(42),
            RolandMorrisScore.of(11),
            DailyActivityDifficulty.of(4));
    for (int i = 0; i < readings.size(); i++) {
      ObservationView recorded = diary(i, readings.get(i));
      ObservationView read = db.inTransaction(em, () -> service.get(recorded.id()));
      assertThat(read.reading()).isEqualTo(readings.get(i));
      assertThat(read.effectiveAt()).isEqualTo(FEB_1_MORNING.plusDays(i));
      assertThat(read.effectiveAt().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
      assertThat(read.context()).isEqualTo(ReadingContext.DIARY);
      assertThat(read.source()).isEqualTo(ReadingSource.HOME_DIARY);
    }
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("FHIR-1: a reading remembers whether a partner's document is kept beside it")
  void FHIR_1_aReadingRemembersWhetherAPartnersDocumentIsKept(JpaTestDatabase.Kind kind) {
    start(kind);
    ObservationView plain = diary(0, PainScore.of(4));
    ObservationView withDocument =
        db.inTransaction(
            em,
            () -> {
              ObservationView recorded =
                  service.record(
                      new RecordReading(
                          CareData.PATIENT,
                          CareData.PLAN,
                          null,
                          ReadingContext.DIARY,
                          ReadingSource.HOME_DIARY,
                          FEB_1_MORNING,
                          PainScore.of(5)));
              service.notePartnerDocument(recorded.id());
              return recorded;
            });
    em.clear();

    assertThat(db.inTransaction(em, () -> service.get(plain.id())).partnerDocument()).isFalse();
    ObservationView read = db.inTransaction(em, () -> service.get(withDocument.id()));
    assertThat(read.partnerDocument()).isTrue();
    assertThat(read.version()).as("noting the document is not a new version").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-1: pre and post session pain keep their context and session")
  void OBS_1_preAndPostSessionPainKeepTheirContextAndSession(JpaTestDatabase.Kind kind) {
    start(kind);
    SessionView session =
        db.inTransaction(em, () -> sessions.schedule(CareData.lowerBackSessionLastFriday()));
    for (ReadingContext context :
        List.of(ReadingContext.PRE_SESSION, ReadingContext.POST_SESSION)) {
      db.inTransaction(
          em,
          () ->
              service.record(
                  new RecordReading(
                      CareData.PATIENT,
                      null,
                      session.id(),
                      context,
                      ReadingSource.EHR_IMPORT,
                      CareData.lastFridayAtTen(),
                      PainScore.of(context == ReadingContext.PRE_SESSION ? 6 : 3))));
    }
    List<ObservationView> atSession = db.inTransaction(em, () -> service.forSession(session.id()));
    assertThat(atSession)
        .extracting(ObservationView::context, ObservationView::reading)
        .containsExactlyInAnyOrder(
            Tuple.tuple(ReadingContext.PRE_SESSION, PainScore.of(6)),
            Tuple.tuple(ReadingContext.POST_SESSION, PainScore.of(3)));
    assertThat(atSession)
        .as("the session's plan is taken over")
        .allSatisfy(o -> assertThat(o.carePlanId()).isEqualTo(CareData.PLAN));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aSearchWithoutTotalLeavesTheCountOutUnlessThePageAlreadyTellsIt(JpaTestDatabase.Kind kind) {
    start(kind);
    for (int day = 0; day < 7; day++) {
      diary(day, PainScore.of(day % 10));
    }
    ReadingCriteria pain = PAIN_BY_DATE;

    ObservationPage full = db.inTransaction(em, () -> service.search(pain, 0, 3, false));
    assertThat(full.observations()).hasSize(3);
    assertThat(full.totalKnown()).isFalse();
    assertThat(full.hasNext()).isTrue();

    ObservationPage lastPage = db.inTransaction(em, () -> service.search(pain, 6, 3, false));
    assertThat(lastPage.observations()).hasSize(1);
    assertThat(lastPage.totalKnown()).isTrue();
    assertThat(lastPage.total()).isEqualTo(7);
    assertThat(lastPage.hasNext()).isFalse();

    ObservationPage counted = db.inTransaction(em, () -> service.search(pain, 0, 3, true));
    assertThat(counted.totalKnown()).isTrue();
    assertThat(counted.total()).isEqualTo(7);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void pagesOfOnePatientAndCodeByDateAreInDateThenIdOrderWithNothingSkippedOrRepeated(
      JpaTestDatabase.Kind kind) {
    start(kind);
    List<ObservationView> pain = new ArrayList<>();
    for (int day = 0; day < 4; day++) {
      // Two pain scores at the same moment each day: the id decides between them.
      pain.add(diary(3 - day, PainScore.of(day)));
      pain.add(diary(3 - day, PainScore.of(day + 4)));
      diary(3 - day, StiffnessScore.of(2, false));
    }
    ReadingCriteria painByDate = PAIN_BY_DATE;

    List<ObservationView> paged = new ArrayList<>();
    for (int offset = 0; offset < 8; offset += 3) {
      int from = offset;
      paged.addAll(
          db.inTransaction(em, () -> service.search(painByDate, from, 3, true)).observations());
    }

    assertThat(paged)
        .extracting(ObservationView::id)
        .containsExactlyElementsOf(
            pain.stream()
                .sorted(
                    Comparator.comparing(ObservationView::effectiveAt)
                        .thenComparing(ObservationView::id))
                .map(ObservationView::id)
                .toList());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void readingsOfAPatientArePagedAndFilteredByDateRangeAndCode(JpaTestDatabase.Kind kind) {
    start(kind);
    for (int day = 0; day < 10; day++) {
      diary(day, PainScore.of(day % 10));
      diary(day, StiffnessScore.of(3, false));
    }
    ObservationQuery painInFirstWeek =
        ObservationQuery.forPatient(CareData.PATIENT, 0, 3)
            .of(ObservationCode.PAIN)
            .between(FEB_1_MORNING, FEB_1_MORNING.plusDays(7));

    ObservationPage first = db.inTransaction(em, () -> service.list(painInFirstWeek));
    assertThat(first.total()).isEqualTo(7);
    assertThat(first.observations())
        .extracting(ObservationView::reading)
        .containsExactly(PainScore.of(0), PainScore.of(1), PainScore.of(2));
    assertThat(first.hasNext()).isTrue();

    ObservationPage last =
        db.inTransaction(
            em,
            () ->
                service.list(
                    new ObservationQuery(
                        CareData.PATIENT,
                        null,
                        ObservationCode.PAIN,
                        null,
                        FEB_1_MORNING,
                        FEB_1_MORNING.plusDays(7),
                        6,
                        3)));
    assertThat(last.observations()).hasSize(1);
    assertThat(last.hasNext()).isFalse();
    assertThat(
            db.inTransaction(em, () -> service.list(ObservationQuery.forPlan(CareData.PLAN, 0, 50)))
                .total())
        .isEqualTo(20);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-4: rejected readings store nothing")
  void OBS_4_rejectedReadingsStoreNothing(JpaTestDatabase.Kind kind) {
    start(kind);
    assertThatThrownBy(() -> diary(40, PainScore.of(5)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("effectiveDateTime");
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        service.record(
                            new RecordReading(
                                CareData.PATIENT,
                                null,
                                "no-such-session",
                                ReadingContext.PRE_SESSION,
                                ReadingSource.PORTAL,
                                FEB_1_MORNING,
                                PainScore.of(5)))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em, () -> service.list(ObservationQuery.forPatient(CareData.PATIENT, 0, 0))))
        .hasMessageContaining("limit");
    assertThat(db.countRows("symptom_observation")).isZero();
  }
}
