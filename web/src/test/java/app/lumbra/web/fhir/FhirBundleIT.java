package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** FHIR-2: transaction (all or nothing, urn:uuid placeholders) and batch Bundles. */
@ExtendWith(SharedLumbra.class)
class FhirBundleIT {

  private static Observation pain(String patientRef, int value) {
    Observation observation = FhirClients.pain("placeholder", value, "2026-03-02T10:00:00+01:00");
    observation.setSubject(new Reference(patientRef));
    return observation;
  }

  private static Bundle transaction(Patient patient, int... painValues) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    for (int value : painValues) {
      bundle
          .addEntry()
          .setResource(pain(patientUrl, value))
          .getRequest()
          .setMethod(Bundle.HTTPVerb.POST)
          .setUrl("Observation");
    }
    bundle
        .addEntry()
        .setFullUrl(patientUrl)
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    return bundle;
  }

  private static int patientsWithMrn(IGenericClient client, Patient patient) {
    return client
        .search()
        .byUrl(
            "Patient?identifier="
                + FhirClients.MRN
                + "|"
                + patient.getIdentifierFirstRep().getValue())
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  @Test
  void aTransactionResolvesUrnUuidPlaceholders(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient patient = FhirClients.newPatient("Transaction");
    Bundle response = client.transaction().withBundle(transaction(patient, 4, 6)).execute();

    assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(response.getEntry())
        .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
    String patientId = response.getEntry().get(2).getResponse().getLocation().split("/")[1];
    Observation stored =
        client
            .read()
            .resource(Observation.class)
            .withId(response.getEntry().get(0).getResponse().getLocation())
            .execute();
    assertThat(stored.getSubject().getReference()).isEqualTo("Patient/" + patientId);
  }

  @Test
  void aTransactionCreatesAPatientAndAPlanWithItsGoalLinkedByPlaceholders(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    CarePlan plan = FhirClients.carePlan("placeholder", "active");
    plan.setSubject(new Reference(patientUrl));
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle
        .addEntry()
        .setResource(plan)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("CarePlan");
    Patient patient = FhirClients.newPatient("TxPlan");
    bundle
        .addEntry()
        .setFullUrl(patientUrl)
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");

    Bundle response = client.transaction().withBundle(bundle).execute();

    String planId = response.getEntry().get(0).getResponse().getLocation().split("/")[1];
    CarePlan stored = client.read().resource(CarePlan.class).withId(planId).execute();
    assertThat(stored.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
    assertThat(stored.getGoal()).hasSize(1);
    assertThat(stored.getSubject().getReference())
        .isEqualTo(
            "Patient/" + response.getEntry().get(1).getResponse().getLocation().split("/")[1]);
  }

  @Test
  void aTransactionCreatesAPlanAndAddsAGoalToItThroughItsUrnUuid(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    String planUrl = "urn:uuid:" + UUID.randomUUID();
    CarePlan plan = FhirClients.carePlan("placeholder", "draft");
    plan.setSubject(new Reference(patientUrl));
    Goal goal = new Goal();
    goal.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/care-plan", new Reference(planUrl));
    goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
    goal.setDescription(new CodeableConcept().setText("Sit through a film"));
    goal.setSubject(new Reference(patientUrl));
    goal.setStart(new DateType("2026-03-02"));
    Patient patient = FhirClients.newPatient("TxPlanAndGoal");
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setResource(goal).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");
    bundle
        .addEntry()
        .setFullUrl(planUrl)
        .setResource(plan)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("CarePlan");
    bundle
        .addEntry()
        .setFullUrl(patientUrl)
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");

    Bundle response = client.transaction().withBundle(bundle).execute();

    String planId = response.getEntry().get(1).getResponse().getLocation().split("/")[1];
    String goalId = response.getEntry().get(0).getResponse().getLocation().split("/")[1];
    CarePlan stored = client.read().resource(CarePlan.class).withId(planId).execute();
    // Created as version 1, then the goal made version 2: each change has its own version.
    assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
    assertThat(stored.getGoal())
        .extracting(reference -> reference.getReferenceElement().getIdPart())
        .contains(goalId);
    assertThat(
            client
                .history()
                .onInstance("CarePlan/" + planId)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .hasSize(2);
  }

  @Test
  void aTransactionWritingOneResourceTwiceIsRefusedWith400NamingBothEntries(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient patient = FhirClients.newPatient("TxTwice");
    String patientId = client.create().resource(patient).execute().getId().getIdPart();
    Patient first = FhirClients.newPatient("TxTwice");
    first.setIdentifier(patient.getIdentifier());
    first.getNameFirstRep().setFamily("TxTwiceFirst");
    Patient second = first.copy();
    second.getNameFirstRep().setFamily("TxTwiceSecond");
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle
        .addEntry()
        .setResource(pain("Patient/" + patientId, 4))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");
    bundle
        .addEntry()
        .setResource(first)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Patient/" + patientId);
    bundle
        .addEntry()
        .setResource(second)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Patient/" + patientId);

    assertThatThrownBy(() -> client.transaction().withBundle(bundle).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              OperationOutcome.OperationOutcomeIssueComponent issue =
                  ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
              assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
              assertThat(issue.getDiagnostics())
                  .contains("Bundle.entry[1]")
                  .contains("Bundle.entry[2]")
                  .contains("Patient/" + patientId);
              assertThat(issue.getExpression())
                  .extracting(Object::toString)
                  .containsExactly("Bundle.entry[1]", "Bundle.entry[2]");
            });
    Patient stored = client.read().resource(Patient.class).withId(patientId).execute();
    assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
    assertThat(FhirClients.readingsOf(client, patientId)).isEmpty();
  }

  @Test
  void aTransactionWithOneBadEntryStoresNothing(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient patient = FhirClients.newPatient("AllOrNothing");

    assertThatThrownBy(() -> client.transaction().withBundle(transaction(patient, 4, 11)).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(
                      ((OperationOutcome) e.getOperationOutcome())
                          .getIssueFirstRep()
                          .getDiagnostics())
                  .contains("Bundle.entry[1]");
            });
    assertThat(patientsWithMrn(client, patient)).isZero();
  }

  @Test
  void aBatchReportsEachEntryOnItsOwn(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    Patient patient = FhirClients.newPatient("Batch");
    String patientId = client.create().resource(patient).execute().getId().getIdPart();
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch
        .addEntry()
        .setResource(pain("Patient/" + patientId, 3))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");
    batch
        .addEntry()
        .setResource(pain("Patient/" + patientId, 12))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Patient/" + patientId);

    Bundle response = client.transaction().withBundle(batch).execute();

    assertThat(response.getEntry())
        .extracting(e -> e.getResponse().getStatus().substring(0, 3))
        .containsExactly("201", "400", "200");
  }
}
