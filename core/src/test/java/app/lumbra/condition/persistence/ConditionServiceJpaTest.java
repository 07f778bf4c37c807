package app.lumbra.condition.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.application.RecordCondition;
import app.lumbra.condition.application.ReviseCondition;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.fixtures.Conditions;
import app.lumbra.fixtures.Patients;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The condition service on the real mappings and migrations. */
class ConditionServiceJpaTest {

  private JpaTestDatabase db;
  private EntityManager em;
  private ConditionService service;
  private String patientId;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    PatientRepository patients = JpaPatientRepositories.on(em);
    service =
        new ConditionService(
            new JpaConditionRepository(em),
            patients,
            TestClocks.MONDAY_MORNING,
            new RecordedEvents<>());
    PatientService patientService =
        new PatientService(patients, TestClocks.MONDAY_MORNING, new RecordedEvents<>());
    patientId =
        db.inTransaction(em, () -> patientService.register(Patients.annaMeyerFromHospital())).id();
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-11: structural causes survive the round trip")
  void PLAN_11_structuralCausesSurviveTheRoundTrip(JpaTestDatabase.Kind kind) {
    start(kind);
    ConditionView recorded =
        db.inTransaction(em, () -> service.record(Conditions.discHerniation(patientId)));

    ConditionView read = db.inTransaction(em, () -> service.get(recorded.id()));
    assertThat(read.structuralCauses())
        .containsExactlyInAnyOrder(
            StructuralCause.DISC_HERNIATION, StructuralCause.NERVE_INVOLVEMENT);
    assertThat(read.painScore()).isEqualTo(6);
    assertThat(read.note()).isEqualTo("MRI: L4/L5 herniation");
    assertThat(db.inTransaction(em, () -> service.listForPatient(patientId)))
        .extracting(ConditionView::id)
        .containsExactly(recorded.id());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aProblemListConditionWithoutOnsetKeepsTheEhrIdAndAnUnknownOnsetFhir6Fhir8(
      JpaTestDatabase.Kind kind) {
    start(kind);
    RecordCondition fromProblemList =
        new RecordCondition(
            "problem-lbp-1", patientId, null, null, 6, null, Set.of(), "from the problem list");
    ConditionView recorded = db.inTransaction(em, () -> service.record(fromProblemList));

    ConditionView read = db.inTransaction(em, () -> service.get("problem-lbp-1"));
    assertThat(recorded.id()).isEqualTo("problem-lbp-1");
    assertThat(read.onsetType()).isEqualTo(OnsetType.UNKNOWN);
    assertThat(read.onsetDate()).isNull();
    assertThatThrownBy(() -> db.inTransaction(em, () -> service.record(fromProblemList)))
        .isInstanceOf(IdInUseException.class);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void conditionOfUnknownPatientIsRejectedAndNothingIsStored(JpaTestDatabase.Kind kind) {
    start(kind);
    String stranger = UUID.randomUUID().toString();

    assertThatThrownBy(
            () -> db.inTransaction(em, () -> service.record(Conditions.chronicModerate(stranger))))
        .isInstanceOf(NotFoundException.class);
    assertThat(db.countRows("lbp_condition")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void revisionOnAStaleVersionIsAConflict(JpaTestDatabase.Kind kind) {
    start(kind);
    ConditionView recorded =
        db.inTransaction(em, () -> service.record(Conditions.acuteSevereFlareUp(patientId)));
    ReviseCondition addStenosis =
        new ReviseCondition(
            recorded.id(),
            recorded.version(),
            recorded.onsetType(),
            recorded.onsetDate(),
            7,
            null,
            Set.of(StructuralCause.SPINAL_STENOSIS),
            null);

    ConditionView revised = db.inTransaction(em, () -> service.revise(addStenosis));

    assertThat(revised.version()).isGreaterThan(recorded.version());
    assertThat(revised.structuralCauses()).containsExactly(StructuralCause.SPINAL_STENOSIS);
    assertThatThrownBy(() -> db.inTransaction(em, () -> service.revise(addStenosis)))
        .isInstanceOf(VersionConflictException.class);
  }
}
