package app.lumbra.selfreport.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.application.AlertView;
import app.lumbra.alert.persistence.JpaAlertRepositories;
import app.lumbra.careplan.application.CarePlanFacts;
import app.lumbra.careplan.application.CarePlanHomeCareTasks;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.application.RecommendCarePlan;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.persistence.JpaCarePlanRepositories;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.persistence.JpaConditionRepositories;
import app.lumbra.fixtures.CarePlans;
import app.lumbra.fixtures.Patients;
import app.lumbra.homecare.application.HomeCareService;
import app.lumbra.homecare.persistence.JpaHomeCareRepositories;
import app.lumbra.observation.application.ObservationQuery;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.domain.MedicationUse;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.persistence.JpaObservationRepositories;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.progress.application.ProgressService;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.safety.persistence.JpaSafetyRepositories;
import app.lumbra.selfreport.application.IssuePatientLink;
import app.lumbra.selfreport.application.IssuedLink;
import app.lumbra.selfreport.application.RecordPatientReport;
import app.lumbra.selfreport.application.RecordedReport;
import app.lumbra.selfreport.application.ReportForm;
import app.lumbra.selfreport.application.SelfReportAlertSource;
import app.lumbra.selfreport.application.SelfReportService;
import app.lumbra.selfreport.application.SubmitSelfReport;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionsOfReadings;
import app.lumbra.session.persistence.JpaSessionRepositories;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.MovableClock;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OUT-5 on the real mappings and migrations, H2 and PostgreSQL: the patient's personal link opens
 * only their own plan until it expires; what they report is recorded as patient-reported, in one
 * transaction, and shows on the plan's alert list.
 */
class SelfReportJpaTest {

  private static final String CLINICIAN = "dr.kim";

  private JpaTestDatabase db;
  private EntityManager em;
  private MovableClock clock;
  private CarePlanService plans;
  private ObservationService observations;
  private SelfReportService reports;
  private AlertService alerts;
  private PatientService patients;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    clock =
        new MovableClock(
            OffsetDateTime.parse("2026-03-02T08:00:00Z").toInstant(), ZoneId.of("Europe/Berlin"));
    SafetyService safety = JpaSafetyRepositories.serviceOn(em, clock);
    plans =
        new CarePlanService(
            JpaCarePlanRepositories.on(em),
            JpaPatientRepositories.on(em),
            JpaConditionRepositories.on(em),
            JpaConditionRepositories.findingsOn(em),
            CarePolicy.withDefaults(),
            safety,
            clock);
    SessionService sessions =
        new SessionService(
            JpaSessionRepositories.on(em),
            JpaObservationRepositories.on(em),
            clock,
            new RecordedEvents<>(),
            safety);
    observations =
        new ObservationService(
            JpaObservationRepositories.on(em),
            new SessionsOfReadings(JpaSessionRepositories.on(em)),
            clock);
    CarePlanFacts facts = new CarePlanFacts(JpaCarePlanRepositories.on(em), clock);
    ProgressService progress =
        new ProgressService(
            facts,
            JpaSessionRepositories.on(em),
            JpaObservationRepositories.on(em),
            JpaHomeCareRepositories.on(em),
            ProgressThresholds.defaults(),
            AdherenceThresholds.defaults(),
            clock);
    patients = new PatientService(JpaPatientRepositories.on(em), clock, new RecordedEvents<>());
    reports =
        new SelfReportService(
            new JpaPatientLinkRepository(em),
            plans,
            patients,
            observations,
            new HomeCareService(
                JpaHomeCareRepositories.on(em), new CarePlanHomeCareTasks(facts), clock),
            safety,
            clock);
    alerts =
        new AlertService(
            JpaAlertRepositories.on(em),
            plans,
            sessions,
            progress,
            safety,
            List.of(new SelfReportAlertSource(reports, clock)),
            clock);
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private CarePlanView activePlanOf(String patientId) {
    FactorsData factors =
        new FactorsData(
            OnsetType.CHRONIC,
            6,
            null,
            Set.of(),
            IntensityPreference.GENTLE,
            Set.of(Lifestyle.SEDENTARY_DESK_JOB),
            new BigDecimal("70"),
            "EUR",
            null,
            Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
            LocalTime.of(18, 0));
    PlanContentData content =
        db.inTransaction(
                em,
                () ->
                    plans.recommend(
                        new RecommendCarePlan(
                            patientId, null, factors, CarePlans.HOME_PROGRAMME, CarePlans.START)))
            .plan();
    CarePlanView draft =
        db.inTransaction(
            em, () -> plans.createDraft(new CreateCarePlan(patientId, null, content, CLINICIAN)));
    return db.inTransaction(
        em, () -> plans.activate(new PlanTransition(draft.id(), draft.version(), CLINICIAN)));
  }

  private String patient() {
    return db.inTransaction(em, () -> patients.register(Patients.annaMeyerFromHospital())).id();
  }

  private String anotherPatient() {
    return db.inTransaction(em, () -> patients.register(Patients.jonasWeberFromHospital())).id();
  }

  private IssuedLink link(CarePlanView plan) {
    return db.inTransaction(
        em, () -> reports.issue(new IssuePatientLink(plan.id(), 30, CLINICIAN)));
  }

  private void submit(SubmitSelfReport report) {
    db.inTransaction(em, () -> reports.submit(report));
  }

  private List<ObservationView> readingsOf(CarePlanView plan) {
    return observations.list(ObservationQuery.forPlan(plan.id(), 0, 100)).observations();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-5: the patient's report is recorded as patient-reported and alerts the clinic")
  void OUT5_reportIsRecordedAsPatientReported(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlanOf(patient());
    IssuedLink link = link(plan);
    String task = plan.content().homeCareTasks().get(0).taskId();

    ReportForm form = reports.open(link.token());
    assertThat(form.tasks()).extracting(ReportForm.Task::taskId).contains(task);

    clock.advance(Duration.ofDays(2));
    submit(
        new SubmitSelfReport(
            link.token(),
            4,
            "ROLAND_MORRIS",
            11,
            Set.of(task),
            2,
            AdverseResponseKind.BRUISING,
            "Bruise on the left side"));

    assertThat(readingsOf(plan))
        .extracting(ObservationView::reading)
        .containsExactlyInAnyOrder(PainScore.of(4), RolandMorrisScore.of(11), MedicationUse.of(2));
    assertThat(readingsOf(plan)).allMatch(reading -> reading.source() == ReadingSource.HOME_DIARY);
    assertThat(db.countRows("home_care_log")).isEqualTo(plan.content().homeCareTasks().size());
    List<AlertView> planAlerts = db.inTransaction(em, () -> alerts.forPlan(plan.id()));
    assertThat(planAlerts)
        .extracting(AlertView::title)
        .contains("New report from the patient", "Adverse response after a session");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-5: a wrong value is refused naming the field and nothing is stored")
  void OUT5_wrongValueStoresNothing(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlanOf(patient());
    IssuedLink link = link(plan);

    assertThatThrownBy(
            () ->
                submit(new SubmitSelfReport(link.token(), 4, null, null, Set.of(), 25, null, null)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("medicationDoses")
        .hasMessageContaining("an integer from 0 to 20");
    assertThatThrownBy(
            () ->
                submit(
                    new SubmitSelfReport(link.token(), 4, null, null, Set.of("x"), 1, null, null)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("homeCareDone");
    assertThat(db.countRows("symptom_observation")).isZero();
    assertThat(db.countRows("home_care_log")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-5: an expired, unknown or finished plan's link is refused in the same words")
  void OUT5_expiredOrUnknownLinkIsRefused(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlanOf(patient());
    IssuedLink link = link(plan);

    assertThatThrownBy(() -> reports.open("not-a-token"))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("This link has expired or is not valid");
    clock.advance(Duration.ofDays(30));
    assertThatThrownBy(() -> reports.open(link.token()))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("This link has expired or is not valid");
    assertThatThrownBy(
            () ->
                submit(
                    new SubmitSelfReport(link.token(), 4, null, null, Set.of(), null, null, null)))
        .isInstanceOf(RuleViolationException.class);
    assertThat(db.countRows("symptom_observation")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-5: a link opens only its own patient's plan")
  void OUT5_linkOpensOnlyItsOwnPatientsPlan(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView anna = activePlanOf(patient());
    CarePlanView other = activePlanOf(anotherPatient());
    IssuedLink annasLink = link(anna);

    submit(new SubmitSelfReport(annasLink.token(), 3, null, null, Set.of(), null, null, null));

    assertThat(readingsOf(anna)).hasSize(1);
    assertThat(readingsOf(other)).isEmpty();
    assertThat(readingsOf(anna).get(0).patientId()).isEqualTo(anna.patientId());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-5: a report over FHIR is recorded against the patient's active plan")
  void OUT5_reportAsThePatientIsRecordedAgainstTheActivePlan(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlanOf(patient());

    RecordedReport recorded =
        db.inTransaction(
            em,
            () ->
                reports.record(
                    new RecordPatientReport(
                        plan.patientId(), null, 5, null, null, true, 1, null, null, null)));

    assertThat(recorded.carePlanId()).isEqualTo(plan.id());
    assertThat(recorded.readings())
        .extracting(ObservationView::reading)
        .containsExactly(PainScore.of(5), MedicationUse.of(1));
    assertThat(readingsOf(plan)).allMatch(reading -> reading.source() == ReadingSource.HOME_DIARY);
    assertThat(db.countRows("home_care_log")).isEqualTo(plan.content().homeCareTasks().size());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-5: a report over FHIR against another patient's plan stores nothing")
  void OUT5_reportAgainstAnotherPatientsPlanIsRefused(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView anna = activePlanOf(patient());
    CarePlanView other = activePlanOf(anotherPatient());

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        reports.record(
                            new RecordPatientReport(
                                anna.patientId(),
                                other.id(),
                                5,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("carePlanId");
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        reports.record(
                            new RecordPatientReport(
                                anna.patientId(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at least one of");
    assertThat(db.countRows("symptom_observation")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-5: a report over FHIR is timed when the patient filled it in, never later")
  void OUT5_reportIsTimedWhenFilledIn(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlanOf(patient());
    OffsetDateTime filledIn = OffsetDateTime.now(clock).minusHours(2);

    RecordedReport recorded =
        db.inTransaction(
            em,
            () ->
                reports.record(
                    new RecordPatientReport(
                        plan.patientId(), null, 4, null, null, null, null, null, null, filledIn)));
    assertThat(recorded.readings())
        .singleElement()
        .satisfies(reading -> assertThat(reading.effectiveAt()).isEqualTo(filledIn));

    OffsetDateTime tomorrow = OffsetDateTime.now(clock).plusDays(1);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        reports.record(
                            new RecordPatientReport(
                                plan.patientId(),
                                null,
                                6,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                tomorrow))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reportedAt")
        .hasMessageContaining("not in the future");
    assertThat(readingsOf(plan)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OUT-5: a withdrawn link is refused saying the clinic withdrew it")
  void OUT5_withdrawnLinkIsRefused(JpaTestDatabase.Kind kind) {
    start(kind);
    CarePlanView plan = activePlanOf(patient());
    IssuedLink link = link(plan);

    int revoked = db.inTransaction(em, () -> reports.revokeLinks(plan.id(), CLINICIAN));

    assertThat(revoked).isEqualTo(1);
    assertThatThrownBy(() -> reports.open(link.token()))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("Your clinic has withdrawn this link");
    assertThatThrownBy(
            () ->
                submit(
                    new SubmitSelfReport(link.token(), 4, null, null, Set.of(), null, null, null)))
        .isInstanceOf(RuleViolationException.class);
    assertThat(db.inTransaction(em, () -> reports.revokeLinks(plan.id(), CLINICIAN))).isZero();
    assertThat(db.countRows("symptom_observation")).isZero();
  }
}
