package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FHIR-5: what the running server emits (resources, search sets, history, $everything, errors and
 * the CapabilityStatement) validates against base R4 with zero errors, offline.
 */
@ExtendWith(SharedLumbra.class)
class FhirConformanceIT {

  @Test
  void everythingTheServerEmitsValidatesAgainstBaseR4(LumbraProcess lumbra) {
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
        .setFullUrl("urn:uuid:" + java.util.UUID.randomUUID())
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

    FhirValidator validator = validator(lumbraCodes);
    List<String> errors = new ArrayList<>();
    for (IBaseResource resource : emitted) {
      String name = resource.fhirType() + describe(resource);
      validator.validateWithResult(resource).getMessages().stream()
          .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
          .forEach(m -> errors.add(name + " " + m.getLocationString() + ": " + m.getMessage()));
    }
    assertThat(errors).isEmpty();
  }

  private static String describe(IBaseResource resource) {
    return resource instanceof Bundle bundle ? "(" + bundle.getType().toCode() + ")" : "";
  }

  private static FhirValidator validator(CodeSystem lumbraCodes) {
    PrePopulatedValidationSupport lumbra = new PrePopulatedValidationSupport(FhirClients.FHIR);
    lumbra.addCodeSystem(lumbraCodes);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(FhirClients.FHIR),
            lumbra,
            new CommonCodeSystemsTerminologyService(FhirClients.FHIR),
            new InMemoryTerminologyServerValidationSupport(FhirClients.FHIR));
    FhirValidator validator = FhirClients.FHIR.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(chain));
    return validator;
  }
}
