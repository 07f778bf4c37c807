package app.lumbra.patient.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.careteam.domain.CareTeamAssignment;
import app.lumbra.fixtures.Patients;
import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.patient.application.PatientChanged;
import app.lumbra.patient.application.PatientPage;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.application.UpdatePatient;
import app.lumbra.patient.domain.PatientCriteria;
import app.lumbra.patient.domain.VisiblePatients;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The patient service on the real mappings and migrations, on H2 and (when configured) PostgreSQL.
 */
class PatientServiceJpaTest {
  private static final VisiblePatients ALL = VisiblePatients.all();

  private JpaTestDatabase db;
  private EntityManager em;
  private PatientService service;
  private RecordedEvents<PatientChanged> changes;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    changes = new RecordedEvents<>();
    service = new PatientService(new JpaPatientRepository(em), TestClocks.MONDAY_MORNING, changes);
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private PatientView register(RegisterPatient command) {
    return db.inTransaction(em, () -> service.register(command));
  }

  private static UpdatePatient renamed(PatientView patient, long expectedVersion, String family) {
    return new UpdatePatient(
        patient.id(),
        expectedVersion,
        patient.identifiers(),
        family,
        patient.givenNames(),
        patient.birthDate(),
        patient.gender());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void everyAcceptedChangeIsAnnouncedWithTheVersionItReplacedAndTheOneItWrote(
      JpaTestDatabase.Kind kind) {
    start(kind);
    PatientView registered = register(Patients.annaMeyerFromHospital());
    PatientView renamed =
        db.inTransaction(em, () -> service.update(renamed(registered, 1, "Meyer-Roth")));
    assertThatThrownBy(
            () -> db.inTransaction(em, () -> service.update(renamed(registered, 1, "Stale"))))
        .isInstanceOf(VersionConflictException.class);

    // Previous and current version of each accepted change, as "version family" pairs.
    assertThat(changes.fired())
        .extracting(
            change ->
                (change.previous() == null
                        ? "none"
                        : change.previous().version() + " " + change.previous().familyName())
                    + " -> "
                    + change.current().version()
                    + " "
                    + change.current().familyName())
        .containsExactly("none -> 1 Meyer", "1 Meyer -> 2 Meyer-Roth");
    assertThat(changes.fired().get(0).current()).isEqualTo(registered);
    assertThat(changes.fired().get(1).current()).isEqualTo(renamed);
    assertThat(renamed.version()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void registeredPatientIsFoundByIdAndByEhrIdentifier(JpaTestDatabase.Kind kind) {
    start(kind);
    PatientView registered = register(Patients.annaMeyerFromHospital());

    PatientView read = db.inTransaction(em, () -> service.get(registered.id()));
    assertThat(read.familyName()).isEqualTo("Meyer");
    assertThat(read.givenNames()).isEqualTo("Anna Lena");
    assertThat(read.identifiers())
        .containsExactly(new IdentifierData(Patients.HOSPITAL_MRN, "100234"));
    assertThat(read.version()).isEqualTo(registered.version());
    assertThat(read.updatedAt()).isEqualTo(registered.updatedAt());

    assertThat(
            db.inTransaction(em, () -> service.findByIdentifier(Patients.HOSPITAL_MRN, "100234")))
        .map(PatientView::id)
        .contains(registered.id());
    assertThat(db.inTransaction(em, () -> service.findByIdentifier(Patients.HOSPITAL_MRN, "999")))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aPatientKeepsTheIdTheEhrChoseAndASecondCreateWithItIsRefusedFhir8(
      JpaTestDatabase.Kind kind) {
    start(kind);
    String chosen = "mrn-" + "1234567890".repeat(6);
    PatientView registered =
        register(
            new RegisterPatient(
                chosen, List.of(), "Meyer", "Anna", LocalDate.of(1980, 1, 1), null));
    assertThat(registered.id()).isEqualTo(chosen);
    assertThat(db.inTransaction(em, () -> service.get(chosen)).familyName()).isEqualTo("Meyer");

    assertThatThrownBy(
            () -> register(new RegisterPatient(chosen, List.of(), "Other", "Olga", null, null)))
        .isInstanceOf(IdInUseException.class)
        .hasMessageContaining(chosen);
    assertThat(db.inTransaction(em, () -> service.get(chosen)).familyName()).isEqualTo("Meyer");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aPatientWithOnlyAFamilyNameIsStoredAndListedLastByBirthDateFhir6(JpaTestDatabase.Kind kind) {
    start(kind);
    PatientView meyer = register(Patients.annaMeyerFromHospital());
    PatientView onlyFamily = register(new RegisterPatient(List.of(), "Zimmer", null, null, null));

    PatientView read = db.inTransaction(em, () -> service.get(onlyFamily.id()));
    assertThat(read.familyName()).isEqualTo("Zimmer");
    assertThat(read.givenNames()).isNull();
    assertThat(read.birthDate()).isNull();
    assertThat(read.displayName()).isEqualTo("Zimmer");

    for (PatientCriteria.PatientOrder order :
        List.of(
            PatientCriteria.PatientOrder.BIRTH_DATE,
            PatientCriteria.PatientOrder.BIRTH_DATE_DESCENDING)) {
      PatientCriteria byBirthDate = new PatientCriteria(null, null, null, null, order);
      PatientPage page = db.inTransaction(em, () -> service.search(byBirthDate, 0, 10, true));
      assertThat(page.patients())
          .extracting(PatientView::id)
          .containsExactly(meyer.id(), onlyFamily.id());
    }
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void unknownPatientIsNotFound(JpaTestDatabase.Kind kind) {
    start(kind);
    String unknown = UUID.randomUUID().toString();

    assertThatThrownBy(() -> db.inTransaction(em, () -> service.get(unknown)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(unknown);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void identifierOfAnotherPatientIsRejectedAndNothingIsStored(JpaTestDatabase.Kind kind) {
    start(kind);
    register(Patients.annaMeyerFromHospital());
    RegisterPatient impostor =
        new RegisterPatient(
            List.of(new IdentifierData(Patients.HOSPITAL_MRN, "100234")),
            "Other",
            "Person",
            Patients.jonasWeberFromHospital().birthDate(),
            null);

    assertThatThrownBy(() -> register(impostor))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("identifiers");
    assertThat(db.countRows("patient")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void updateRaisesTheVersionAndKeepsIdentifiers(JpaTestDatabase.Kind kind) {
    start(kind);
    PatientView registered = register(Patients.annaMeyerFromHospital());

    PatientView updated =
        db.inTransaction(
            em, () -> service.update(renamed(registered, registered.version(), "Schulz")));

    assertThat(updated.version()).isGreaterThan(registered.version());
    PatientView read = db.inTransaction(em, () -> service.get(registered.id()));
    assertThat(read.familyName()).isEqualTo("Schulz");
    assertThat(read.version()).isEqualTo(updated.version());
    assertThat(read.identifiers()).isEqualTo(registered.identifiers());
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void updateBasedOnAStaleVersionIsAConflictAndChangesNothing(JpaTestDatabase.Kind kind) {
    start(kind);
    PatientView registered = register(Patients.annaMeyerFromHospital());
    db.inTransaction(em, () -> service.update(renamed(registered, registered.version(), "Schulz")));

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em, () -> service.update(renamed(registered, registered.version(), "Braun"))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(db.inTransaction(em, () -> service.get(registered.id())).familyName())
        .isEqualTo("Schulz");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void concurrentEditsEndInAConflictForTheSecondWriter(JpaTestDatabase.Kind kind) {
    start(kind);
    PatientView registered = register(Patients.annaMeyerFromHospital());
    EntityManager secondClinician = db.entityManager();
    PatientService secondService =
        new PatientService(
            new JpaPatientRepository(secondClinician),
            TestClocks.MONDAY_MORNING,
            new RecordedEvents<>());

    secondClinician.getTransaction().begin();
    secondService.get(registered.id());
    db.inTransaction(em, () -> service.update(renamed(registered, registered.version(), "Schulz")));

    assertThatThrownBy(
            () -> secondService.update(renamed(registered, registered.version(), "Braun")))
        .isInstanceOf(VersionConflictException.class);
    secondClinician.getTransaction().rollback();
    assertThat(db.inTransaction(em, () -> service.get(registered.id())).familyName())
        .isEqualTo("Schulz");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void searchMatchesNamePrefixesIgnoringCaseAndPages(JpaTestDatabase.Kind kind) {
    start(kind);
    register(Patients.annaMeyerFromHospital());
    register(Patients.jonasWeberFromHospital());
    register(Patients.walkInWithoutIdentifier("Meier", "Lena"));
    register(Patients.walkInWithoutIdentifier("Mey_ser", "Karl"));

    PatientPage firstPage = db.inTransaction(em, () -> service.search("me", ALL, 0, 2));
    assertThat(firstPage.total()).isEqualTo(3);
    assertThat(firstPage.patients())
        .extracting(PatientView::familyName)
        .containsExactly("Meier", "Mey_ser");
    assertThat(firstPage.hasNext()).isTrue();
    PatientPage secondPage = db.inTransaction(em, () -> service.search("ME", ALL, 2, 2));
    assertThat(secondPage.patients()).extracting(PatientView::familyName).containsExactly("Meyer");

    assertThat(db.inTransaction(em, () -> service.search("lena", ALL, 0, 10)).patients())
        .extracting(PatientView::familyName)
        .containsExactly("Meier", "Meyer");
    assertThat(db.inTransaction(em, () -> service.search("mey_", ALL, 0, 10)).total()).isEqualTo(1);
    assertThat(db.inTransaction(em, () -> service.search(" ", ALL, 0, 10)).total()).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("A list counts and pages only the patients of the viewer's care team")
  void searchCountsAndPagesOnlyVisiblePatients(JpaTestDatabase.Kind kind) {
    start(kind);
    String north1 = register(Patients.walkInWithoutIdentifier("Meier", "Nora")).id();
    String south = register(Patients.walkInWithoutIdentifier("Meister", "Sven")).id();
    String north2 = register(Patients.walkInWithoutIdentifier("Meyer", "Nils")).id();
    register(Patients.walkInWithoutIdentifier("Mertens", "Una"));
    db.inTransaction(
        em,
        () -> {
          em.persist(CareTeamAssignment.assign(north1, "north", TestClocks.MONDAY_MORNING));
          em.persist(CareTeamAssignment.assign(north2, "north", TestClocks.MONDAY_MORNING));
          em.persist(CareTeamAssignment.assign(south, "south", TestClocks.MONDAY_MORNING));
          return null;
        });

    PatientPage north =
        db.inTransaction(em, () -> service.search("me", VisiblePatients.ofTeam("north"), 0, 1));
    assertThat(north.total()).isEqualTo(2);
    assertThat(north.patients()).extracting(PatientView::givenNames).containsExactly("Nora");
    assertThat(north.hasNext()).isTrue();
    PatientPage northNext =
        db.inTransaction(em, () -> service.search("me", VisiblePatients.ofTeam("north"), 1, 1));
    assertThat(northNext.patients()).extracting(PatientView::givenNames).containsExactly("Nils");
    assertThat(northNext.hasNext()).isFalse();

    PatientPage unassigned =
        db.inTransaction(em, () -> service.search("me", VisiblePatients.ofTeam(null), 0, 10));
    assertThat(unassigned.total()).isEqualTo(1);
    assertThat(unassigned.patients()).extracting(PatientView::givenNames).containsExactly("Una");

    assertThat(db.inTransaction(em, () -> service.search("me", ALL, 0, 10)).total()).isEqualTo(4);
    PatientCriteria northByName =
        new PatientCriteria(null, "me", null, null, null, VisiblePatients.ofTeam("north"));
    PatientPage exchange = db.inTransaction(em, () -> service.search(northByName, 0, 10, true));
    assertThat(exchange.total()).isEqualTo(2);
    assertThat(exchange.patients()).extracting(PatientView::id).containsOnly(north1, north2);
    PatientPage nobody =
        db.inTransaction(em, () -> service.search("me", VisiblePatients.none(), 0, 10));
    assertThat(nobody.total()).isZero();
    assertThat(nobody.patients()).isEmpty();
  }
}
