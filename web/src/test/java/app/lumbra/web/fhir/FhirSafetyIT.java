package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SAFE-2 and SAFE-4 over FHIR (black box): a plan with a ruled-out technique is a 422 naming
 * SAFE-2, and alerts are read and searched as {@code DetectedIssue}.
 */
@ExtendWith(SharedLumbra.class)
class FhirSafetyIT {

  private static final String RULES = "https://lumbra.app/fhir/CodeSystem/lumbra-rule";

  private static List<DetectedIssue> issues(IGenericClient client, String query) {
    Bundle bundle =
        client.search().byUrl("DetectedIssue?" + query).returnBundle(Bundle.class).execute();
    return bundle.getEntry().stream().map(entry -> (DetectedIssue) entry.getResource()).toList();
  }

  /** The EHR's problem list: age-related osteoporosis, ICD-10-CM M81.0. */
  private static Condition osteoporosis(String patientId) {
    Condition condition = new Condition();
    condition.setSubject(new Reference("Patient/" + patientId));
    condition.setClinicalStatus(
        new CodeableConcept()
            .addCoding(
                new org.hl7.fhir.r4.model.Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
    condition
        .addCategory()
        .addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/condition-category")
        .setCode("problem-list-item");
    condition
        .getCode()
        .addCoding()
        .setSystem("http://hl7.org/fhir/sid/icd-10-cm")
        .setCode("M81.0")
        .setDisplay("Age-related osteoporosis without current pathological fracture");
    return condition;
  }

  private static CarePlan withDeepTissue(String patientId) {
    String json =
        FhirClients.FHIR
            .newJsonParser()
            .encodeResourceToString(FhirClients.carePlan(patientId, "active"))
            .replace("technique-myofascial-release", "technique-deep-tissue");
    return FhirClients.FHIR.newJsonParser().parseResource(CarePlan.class, json);
  }

  @Test
  void safe2APlanWithDeepTissueForAPatientWithOsteoporosisFromTheEhrIs422(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Osteo");
    client.create().resource(osteoporosis(patient.getIdPart())).execute();

    assertThatThrownBy(
            () -> client.create().resource(withDeepTissue(patient.getIdPart())).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            refused -> {
              OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
              assertThat(outcome.getIssueFirstRep().getDiagnostics())
                  .startsWith("SAFE-2")
                  .contains("Deep-tissue work is ruled out by Osteoporosis")
                  .contains("ICD-10-CM M81.0");
            });
    Bundle plans =
        client
            .search()
            .forResource(CarePlan.class)
            .where(CarePlan.PATIENT.hasId(patient.getIdPart()))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(plans.getEntry()).isEmpty();
  }

  @Test
  void safe4APlanWithoutRedFlagScreenIsAcceptedAndItsAlertIsReadAsDetectedIssue(
      LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Screen");
    IdType plan =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patient.getIdPart(), "active"))
                .execute()
                .getId();

    List<DetectedIssue> found =
        issues(client, "patient=Patient/" + patient.getIdPart() + "&code=" + RULES + "|SAFE-1");

    assertThat(found).hasSize(1);
    DetectedIssue issue = found.get(0);
    assertThat(issue.getCode().getCodingFirstRep().getSystem()).isEqualTo(RULES);
    assertThat(issue.getCode().getCodingFirstRep().getCode()).isEqualTo("SAFE-1");
    assertThat(issue.getCode().getText()).isEqualTo("No red-flag screen recorded");
    assertThat(issue.getDetail()).contains("Screen for serious spinal pathology");
    assertThat(issue.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
    assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.MODERATE);
    assertThat(issue.getPatient().getReference()).isEqualTo("Patient/" + patient.getIdPart());
    assertThat(issue.getImplicatedFirstRep().getReference())
        .isEqualTo("CarePlan/" + plan.getIdPart());
    assertThat(issue.hasIdentifiedDateTimeType()).isTrue();

    DetectedIssue read =
        client
            .read()
            .resource(DetectedIssue.class)
            .withId(issue.getIdElement().getIdPart())
            .execute();
    assertThat(read.getDetail()).isEqualTo(issue.getDetail());
    assertThat(issues(client, "patient=" + patient.getIdPart() + "&code=SAFE-3")).isEmpty();
    assertThat(issues(client, "patient=" + patient.getIdPart() + "&identified=ge2020-01-01"))
        .extracting(found1 -> found1.getIdElement().getIdPart())
        .contains(issue.getIdElement().getIdPart());
    assertThat(issues(client, "patient=" + patient.getIdPart() + "&date=lt2020-01-01")).isEmpty();
  }

  @Test
  void safe4DetectedIssueIsListedInTheCapabilityStatement(LumbraProcess lumbra) {
    CapabilityStatement metadata =
        FhirClients.client(lumbra).capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(metadata.getRestFirstRep().getResource())
        .filteredOn(resource -> resource.getType().equals("DetectedIssue"))
        .singleElement()
        .satisfies(
            resource ->
                assertThat(resource.getSearchParam())
                    .extracting(
                        CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent
                            ::getName)
                    .contains("patient", "code", "identified", "date"));
  }
}
