package app.lumbra.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.application.RecommendCarePlan;
import app.lumbra.careplan.application.RecommendationView;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.fhir.patient.PatientResourceProvider;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.patient.application.KnownPatients;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.application.UpdatePatient;
import app.lumbra.patient.domain.Gender;
import app.lumbra.progress.application.ProgressService;
import app.lumbra.progress.domain.Classification;
import app.lumbra.shared.VersionConflictException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.io.File;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The care services inside Payara Micro: CDI wiring, JTA transactions, Bean Validation, EclipseLink
 * on the migrated schema and optimistic locking, on whichever database the run is configured for
 * (embedded H2 by default, PostgreSQL when the build passes {@code LUMBRA_DB_URL}).
 */
@ExtendWith(ArquillianExtension.class)
class CareServicesInContainerIT {

  @Deployment
  static WebArchive lumbra() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("lumbra.war")))
        .addClass(CareServicesInContainerIT.class);
  }

  @Inject PatientService patients;
  @Inject CarePlanService plans;
  @Inject ProgressService progress;
  @Inject PatientResourceProvider fhirPatients;
  @Inject KnownPatients known;
  @Inject UserTransaction transaction;

  /**
   * A patient found by the existence check is remembered only once the transaction that found it
   * commits (JTA's synchronization registry is injected), never after a rollback.
   */
  @Test
  void aPatientIsRememberedAsKnownOnlyWhenItsTransactionCommits() throws Exception {
    transaction.begin();
    PatientView rolledBack = patients.register(patient("MRN-" + UUID.randomUUID(), "Rolled"));
    assertTrue(patients.exists(rolledBack.id()));
    transaction.rollback();
    assertFalse(known.contains(rolledBack.id()));
    assertFalse(patients.exists(rolledBack.id()));

    transaction.begin();
    PatientView committed = patients.register(patient("MRN-" + UUID.randomUUID(), "Kept"));
    assertTrue(patients.exists(committed.id()));
    assertFalse(known.contains(committed.id()), "known before its transaction committed");
    transaction.commit();
    assertTrue(known.contains(committed.id()));
  }

  @Test
  void aPatientCorrectedThroughThePortalServiceHasEveryVersionInFhirHistory() {
    PatientView registered = patients.register(patient("MRN-" + UUID.randomUUID(), "Before"));
    PatientView corrected =
        patients.update(
            new UpdatePatient(
                registered.id(),
                registered.version(),
                registered.identifiers(),
                "After",
                registered.givenNames(),
                registered.birthDate(),
                registered.gender()));

    List<Patient> history = fhirPatients.history(new IdType("Patient", registered.id()));
    assertEquals(
        List.of(Long.toString(corrected.version()), Long.toString(registered.version())),
        history.stream().map(version -> version.getMeta().getVersionId()).toList());
    assertEquals(
        "Before",
        fhirPatients
            .read(new IdType("Patient", registered.id(), Long.toString(registered.version())))
            .getNameFirstRep()
            .getFamily());
    assertEquals(
        "After",
        fhirPatients.read(new IdType("Patient", registered.id())).getNameFirstRep().getFamily());
  }

  @Test
  void aPatientIsStoredAndFoundByEhrIdentifier() {
    String mrn = "MRN-" + UUID.randomUUID();
    PatientView registered = patients.register(patient(mrn, "Inside"));

    PatientView found =
        patients.findByIdentifier("urn:oid:1.2.36.146.595.217.0.1", mrn).orElseThrow();
    assertEquals(registered.id(), found.id());
    assertEquals("Inside", found.familyName());
  }

  @Test
  void anInvalidCommandIsRejectedAndNothingIsStored() {
    String mrn = "MRN-" + UUID.randomUUID();
    // A blank family name is allowed now (FHIR-6: an identifier is enough); an overlong one is not.
    assertThrows(
        ConstraintViolationException.class, () -> patients.register(patient(mrn, "x".repeat(201))));

    assertFalse(patients.findByIdentifier("urn:oid:1.2.36.146.595.217.0.1", mrn).isPresent());
  }

  @Test
  void PLAN_13_PLAN_14_aRecommendedPlanIsSavedActivatedAndVersioned() {
    PatientView patient = patients.register(patient("MRN-" + UUID.randomUUID(), "Planner"));
    RecommendationView recommendation = plans.recommend(acuteSevereFlareUp(patient.id()));
    assertFalse(recommendation.plan().phases().isEmpty());

    CarePlanView draft =
        plans.createDraft(new CreateCarePlan(patient.id(), null, recommendation.plan(), "dr.test"));
    CarePlanView active =
        plans.activate(new PlanTransition(draft.id(), draft.version(), "dr.test"));

    assertEquals(PlanStatus.ACTIVE, active.status());
    assertEquals(2, plans.history(draft.id()).size());
    assertEquals(PlanStatus.DRAFT, plans.version(draft.id(), draft.version()).status());
  }

  @Test
  void PLAN_14_aStaleEditIsAConflictAndChangesNothing() {
    PatientView patient = patients.register(patient("MRN-" + UUID.randomUUID(), "Racer"));
    RecommendationView recommendation = plans.recommend(acuteSevereFlareUp(patient.id()));
    CarePlanView draft =
        plans.createDraft(new CreateCarePlan(patient.id(), null, recommendation.plan(), "a"));
    plans.activate(new PlanTransition(draft.id(), draft.version(), "first writer"));

    assertThrows(
        VersionConflictException.class,
        () -> plans.revoke(new PlanTransition(draft.id(), draft.version(), "second writer")));

    assertEquals(PlanStatus.ACTIVE, plans.get(draft.id()).status());
    assertEquals(2, plans.history(draft.id()).size());
  }

  @Test
  void aNewPlanHasAProgressReportThatAsksForMoreData() {
    PatientView patient = patients.register(patient("MRN-" + UUID.randomUUID(), "Reporter"));
    CarePlanView draft =
        plans.createDraft(
            new CreateCarePlan(
                patient.id(), null, plans.recommend(acuteSevereFlareUp(patient.id())).plan(), "a"));

    var report = progress.report(draft.id());
    assertNotNull(report);
    assertEquals(Classification.NOT_ENOUGH_DATA, report.classification());
    assertTrue(report.sessionEffects().isEmpty());
  }

  private static RegisterPatient patient(String mrn, String family) {
    return new RegisterPatient(
        List.of(new IdentifierData("urn:oid:1.2.36.146.595.217.0.1", mrn)),
        family,
        "Alex",
        LocalDate.of(1980, 5, 17),
        Gender.OTHER);
  }

  private static RecommendCarePlan acuteSevereFlareUp(String patientId) {
    return new RecommendCarePlan(
        patientId,
        null,
        new FactorsData(
            OnsetType.FLARE_UP,
            8,
            null,
            Set.of(),
            IntensityPreference.MODERATE,
            Set.of(Lifestyle.SEDENTARY_DESK_JOB),
            new BigDecimal("70.00"),
            "EUR",
            null,
            Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
            LocalTime.of(17, 0)),
        "Physiotherapy: core stability programme, 3x per week",
        LocalDate.now().plusDays(1));
  }
}
