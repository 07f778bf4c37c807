package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FHIR-5: what the running server emits (resources, search sets, history, $everything, errors and
 * the CapabilityStatement) validates with zero errors, offline, against US Core 8.0.0 where it
 * claims a profile and base R4 otherwise (the fhir-adapter's {@link UsCoreValidator}).
 */
@ExtendWith(SharedLumbra.class)
class FhirConformanceIT {

  @Test
  void everythingTheServerEmitsValidatesAgainstUsCore(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    IdType patient = FhirClients.createPatient(client, "Conformance");
    IdType plan =
        (IdType)
            client
                .create()
                .resource(FhirClients.carePlan(patient.getIdPart(), "active"))
                .execute()
                .getId();

    List<IBaseResource> emitted = new ArrayList<>();
    CodeSystem lumbraCodes = client.read().resource(CodeSystem.class).withId("lumbra").execute();
    emitted.add(lumbraCodes);
    emitted.add(client.capabilities().ofType(CapabilityStatement.class).execute());
    emitted.add(
        client
            .operation()
            .onInstance(new IdType("Patient", patient.getIdPart()))
            .named("$everything")
            .withNoParameters(Parameters.class)
            .returnResourceType(Bundle.class)
            .execute());
    emitted.add(
        client
            .search()
            .byUrl("CarePlan?patient=" + patient.getIdPart() + "&_include=CarePlan:goal")
            .returnBundle(Bundle.class)
            .execute());
    emitted.add(
        client.history().onInstance(plan.toVersionless()).returnBundle(Bundle.class).execute());
    emitted.add(
        client.history().onType(Patient.class).returnBundle(Bundle.class).count(3).execute());
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:" + UUID.randomUUID())
        .setResource(FhirClients.newPatient("ConformanceTx"))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    emitted.add(client.transaction().withBundle(transaction).execute());
    try {
      client.read().resource("Patient").withId("3f2b8c1e-5d4a-4b7e-9c1f-000000000000").execute();
    } catch (ResourceNotFoundException notFound) {
      emitted.add(notFound.getOperationOutcome());
    }

    List<String> errors = new ArrayList<>();
    for (IBaseResource resource : emitted) {
      String name = resource.fhirType() + describe(resource);
      UsCoreValidator.get().errors(resource).forEach(error -> errors.add(name + " " + error));
    }
    assertThat(errors).isEmpty();
  }

  private static String describe(IBaseResource resource) {
    return resource instanceof Bundle bundle ? "(" + bundle.getType().toCode() + ")" : "";
  }

  /** FHIR-7: the CapabilityStatement speaks US Core; extension definitions are served. */
  @Test
  void capabilityStatementInstantiatesUsCoreAndExtensionsAreDefined(LumbraProcess lumbra) {
    IGenericClient client = FhirClients.client(lumbra);
    CapabilityStatement statement =
        client.capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(statement.getInstantiates())
        .extracting(CanonicalType::getValue)
        .contains("http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server|8.0.0");
    assertThat(statement.getRestFirstRep().getResource())
        .filteredOn(resource -> "Patient".equals(resource.getType()))
        .flatExtracting(
            CapabilityStatement.CapabilityStatementRestResourceComponent::getSupportedProfile)
        .extracting(CanonicalType::getValue)
        .containsExactly("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|8.0.0");
    assertThat(statement.getRestFirstRep().getResource())
        .extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
        .contains("StructureDefinition", "CodeSystem");
    StructureDefinition readingContext =
        client.read().resource(StructureDefinition.class).withId("reading-context").execute();
    assertThat(readingContext.getUrl())
        .isEqualTo("https://lumbra.app/fhir/StructureDefinition/reading-context");
  }
}
