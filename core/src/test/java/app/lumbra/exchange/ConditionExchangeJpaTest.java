package app.lumbra.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.archive.application.KeptDocumentService;
import app.lumbra.archive.persistence.JpaArchiveRepositories;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.application.RecordCondition;
import app.lumbra.condition.application.ReviseCondition;
import app.lumbra.condition.application.StructuralFindingService;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.condition.persistence.JpaConditionRepositories;
import app.lumbra.context.application.ContextService;
import app.lumbra.context.application.KeepContext;
import app.lumbra.context.persistence.JpaContextRepositories;
import app.lumbra.exchange.application.ConditionExchange;
import app.lumbra.exchange.application.ConditionWrite;
import app.lumbra.exchange.application.PartnerDocument;
import app.lumbra.exchange.application.PartnerRecords;
import app.lumbra.exchange.application.Written;
import app.lumbra.fixtures.Conditions;
import app.lumbra.fixtures.Patients;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Condition exchange use case on the real mappings and migrations: one transaction decides
 * whether a partner's Condition is Lumbra's low-back pain or the patient's clinical context, keeps
 * what the partner sent beside it, and applies PLAN-11 and FHIR-4 itself.
 */
class ConditionExchangeJpaTest {

  private JpaTestDatabase db;
  private EntityManager em;
  private ConditionService conditions;
  private StructuralFindingService findings;
  private ContextService context;
  private KeptDocumentService documents;
  private ConditionExchange exchange;
  private String patientId;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    conditions =
        new ConditionService(
            JpaConditionRepositories.on(em),
            JpaPatientRepositories.on(em),
            TestClocks.MONDAY_MORNING,
            new RecordedEvents<>());
    findings =
        new StructuralFindingService(
            JpaConditionRepositories.findingsOn(em),
            JpaConditionRepositories.on(em),
            JpaPatientRepositories.on(em),
            TestClocks.MONDAY_MORNING);
    PatientService patients =
        new PatientService(
            JpaPatientRepositories.on(em), TestClocks.MONDAY_MORNING, new RecordedEvents<>());
    context = new ContextService(JpaContextRepositories.on(em), TestClocks.MONDAY_MORNING);
    documents = new KeptDocumentService(JpaArchiveRepositories.keptDocumentsOn(em));
    exchange =
        new ConditionExchange(
            conditions, findings, new PartnerRecords(context, patients, documents));
    patientId =
        db.inTransaction(em, () -> patients.register(Patients.annaMeyerFromHospital())).id();
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("FHIR-1: low-back pain is recorded and what the partner said beyond it is kept")
  void lowBackPainIsRecordedWithThePartnersDocumentBesideIt(JpaTestDatabase.Kind kind) {
    start(kind);
    Written<ConditionView> written =
        write(
            null,
            true,
            () -> statement(Conditions.chronicModerate(patientId)),
            List.of(),
            true,
            view -> Optional.of("{\"sent\":\"v" + view.version() + "\"}"));

    assertThat(written.isContext()).isFalse();
    assertThat(written.created()).isTrue();
    ConditionView recorded = written.record();
    assertThat(db.inTransaction(em, () -> conditions.exists(recorded.id()))).isTrue();
    assertThat(
            db.inTransaction(
                em, () -> documents.inForce("Condition", recorded.id(), recorded.version())))
        .contains("{\"sent\":\"v" + recorded.version() + "\"}");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("PLAN-11: another problem naming a structural cause is a finding while active")
  void anotherProblemNamingAStructuralCauseIsAFindingWhileItIsActive(JpaTestDatabase.Kind kind) {
    start(kind);
    Supplier<ConditionWrite.Statement> notLowBackPain =
        () -> {
          throw new AssertionError("a problem kept as context is never read as low-back pain");
        };
    List<StructuralCause> stenosis = List.of(StructuralCause.SPINAL_STENOSIS);

    Written<ConditionView> kept =
        write("ehr-stenosis", false, notLowBackPain, stenosis, true, PartnerDocument.none());
    assertThat(kept.isContext()).isTrue();
    assertThat(db.inTransaction(em, () -> findings.structuralCausesOf(patientId)))
        .containsExactly(StructuralCause.SPINAL_STENOSIS);

    // The same record, now resolved, and sent coded as low-back pain: it stays context.
    Written<ConditionView> resolved =
        write("ehr-stenosis", true, notLowBackPain, stenosis, false, PartnerDocument.none());
    assertThat(resolved.isContext()).isTrue();
    assertThat(resolved.context().version()).isEqualTo(2);
    assertThat(db.inTransaction(em, () -> findings.structuralCausesOf(patientId))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("FHIR-4: a problem of a patient Lumbra does not know is refused, nothing stored")
  void aProblemOfAnUnknownPatientIsRefusedAndNothingIsStored(JpaTestDatabase.Kind kind) {
    start(kind);
    assertThatThrownBy(
            () ->
                exchange.write(
                    new ConditionWrite(
                        "ehr-unknown",
                        null,
                        false,
                        () -> null,
                        () -> keep("ehr-unknown", "no-such-patient"),
                        List.of(StructuralCause.SPINAL_STENOSIS),
                        true,
                        PartnerDocument.none())))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            refused -> {
              assertThat(refused.ruleId()).isEqualTo("FHIR-4");
              assertThat(refused.field()).isEqualTo(PartnerRecords.PATIENT);
            });
    assertThat(db.inTransaction(em, () -> context.current("Condition", "ehr-unknown"))).isEmpty();
  }

  private Written<ConditionView> write(
      String id,
      boolean lowBackPain,
      Supplier<ConditionWrite.Statement> statement,
      List<StructuralCause> causes,
      boolean active,
      PartnerDocument<ConditionView> document) {
    return db.inTransaction(
        em,
        () ->
            exchange.write(
                new ConditionWrite(
                    id,
                    null,
                    lowBackPain,
                    statement,
                    () -> keep(id, patientId),
                    causes,
                    active,
                    document)));
  }

  private static KeepContext keep(String id, String patient) {
    return new KeepContext(
        "Condition",
        id,
        patient,
        "active",
        null,
        List.of(),
        (version, at) -> "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\"}");
  }

  private static ConditionWrite.Statement statement(RecordCondition record) {
    return new ConditionWrite.Statement() {
      @Override
      public RecordCondition toRecord(String id) {
        return record;
      }

      @Override
      public ReviseCondition toRevise(String id, long expectedVersion) {
        throw new AssertionError("not a revision");
      }

      @Override
      public LocalDate resolvedOn() {
        return null;
      }
    };
  }
}
