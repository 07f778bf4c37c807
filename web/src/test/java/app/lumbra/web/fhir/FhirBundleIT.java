package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Bundle;
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
    Observation observation =
        FhirClients.FHIR
            .newJsonParser()
            .parseResource(
                Observation.class,
                FhirClients.resource("fhir/observation-pain.json")
                    .replace("${patient}", "placeholder")
                    .replace("${value}", Integer.toString(value))
                    .replace("${date}", "2026-03-02T10:00:00+01:00"));
    observation.setSubject(new Reference(patientRef));
    return observation;
  }

  private static Bundle transaction(Patient patient, int... painValues) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    String patientUrl = "urn:uuid:" + java.util.UUID.randomUUID();
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
