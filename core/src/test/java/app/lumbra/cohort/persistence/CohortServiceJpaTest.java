package app.lumbra.cohort.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.careteam.domain.CareTeamAssignment;
import app.lumbra.cohort.application.CohortService;
import app.lumbra.cohort.application.CohortView;
import app.lumbra.cohort.application.SaveCohort;
import app.lumbra.fixtures.Patients;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.persistence.JpaPatientRepositories;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cohorts (a FHIR Group of patients) on the real mappings and migrations: members kept in order,
 * replaced whole as a new version, and only patients Lumbra knows (FHIR-4), nothing stored else.
 */
class CohortServiceJpaTest {

  private JpaTestDatabase db;
  private EntityManager em;
  private PatientService patients;
  private CohortService cohorts;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    patients =
        new PatientService(
            JpaPatientRepositories.on(em), TestClocks.MONDAY_MORNING, new RecordedEvents<>());
    cohorts = new CohortService(new JpaCohortRepository(em), patients, TestClocks.MONDAY_MORNING);
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private String patient() {
    return db.inTransaction(
            em, () -> patients.register(Patients.walkInWithoutIdentifier("Kohorte", "Ida")))
        .id();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("a cohort keeps its members in order and an update replaces them as a new version")
  void aCohortKeepsItsMembersAndAnUpdateReplacesThem(JpaTestDatabase.Kind kind) {
    start(kind);
    String first = patient();
    String second = patient();
    String third = patient();

    CohortView created =
        db.inTransaction(
            em, () -> cohorts.create(null, new SaveCohort("Study A", List.of(second, first))));
    CohortView updated =
        db.inTransaction(
            em,
            () ->
                cohorts.save(created.id(), new SaveCohort(" Study A ", List.of(first, third)), 1L));

    assertThat(created.version()).isEqualTo(1);
    assertThat(created.members()).containsExactly(second, first);
    assertThat(updated.version()).isEqualTo(2);
    CohortView read = db.inTransaction(em, () -> cohorts.get(created.id()));
    assertThat(read.name()).isEqualTo("Study A");
    assertThat(read.members()).containsExactly(first, third);
    assertThat(db.inTransaction(em, () -> cohorts.members(created.id())))
        .containsExactly(first, third);
    assertThat(db.inTransaction(em, () -> cohorts.search(created.id(), 0, 10)).cohorts())
        .extracting(CohortView::id)
        .containsExactly(created.id());
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em, () -> cohorts.save(created.id(), new SaveCohort(null, List.of(first)), 1L)))
        .isInstanceOf(VersionConflictException.class);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("FHIR-4: an unknown patient among the members is refused naming it; nothing stored")
  void anUnknownMemberIsRefusedNamingItsPlace(JpaTestDatabase.Kind kind) {
    start(kind);
    String known = patient();

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () ->
                        cohorts.create(
                            "study-b", new SaveCohort(null, List.of(known, "no-such-patient")))))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            refused -> {
              assertThat(refused.ruleId()).isEqualTo("FHIR-4");
              assertThat(refused.field()).isEqualTo("members[1]");
              assertThat(refused.getMessage()).contains("Patient/no-such-patient");
            });
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em,
                    () -> cohorts.create("study-b", new SaveCohort(null, List.of(known, known)))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            refused -> assertThat(refused.field()).isEqualTo("members[1]"));
    assertThat(db.countRows("cohort")).isZero();
    assertThat(db.countRows("cohort_member")).isZero();

    db.inTransaction(em, () -> cohorts.create("study-b", new SaveCohort(null, List.of(known))));
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em, () -> cohorts.create("study-b", new SaveCohort(null, List.of(known)))))
        .isInstanceOf(IdInUseException.class);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em, () -> cohorts.save("study-b", new SaveCohort(null, List.of("gone")), null)))
        .isInstanceOf(RuleViolationException.class);
    assertThat(db.inTransaction(em, () -> cohorts.members("study-b"))).containsExactly(known);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName(
      "a cohort never takes the id of a care team with patients: both are a Group to export")
  void aCohortNeverTakesTheIdOfACareTeam(JpaTestDatabase.Kind kind) {
    start(kind);
    String member = patient();
    db.inTransaction(
        em,
        () -> em.persist(CareTeamAssignment.assign(member, "north", TestClocks.MONDAY_MORNING)));

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em, () -> cohorts.save("north", new SaveCohort(null, List.of(member)), null)))
        .isInstanceOf(IdInUseException.class);
    assertThat(db.countRows("cohort")).isZero();
  }
}
