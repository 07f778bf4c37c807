package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.server.CapabilityStatementInterceptor;
import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** FHIR-5: every kind of resource the server emits validates against base R4, offline. */
class EmittedResourcesValidateTest {

  private static FhirValidator validator;

  @BeforeAll
  static void validator() {
    FhirContext fhir = FhirContext.forR4Cached();
    PrePopulatedValidationSupport lumbra = new PrePopulatedValidationSupport(fhir);
    lumbra.addCodeSystem(CodeSystemResourceProvider.lumbra());
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(fhir),
            lumbra,
            new CommonCodeSystemsTerminologyService(fhir),
            new InMemoryTerminologyServerValidationSupport(fhir));
    validator = fhir.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(chain));
  }

  static Stream<IBaseResource> emitted() {
    return Stream.of(
        PatientFhirMapper.toFhir(FhirViews.patient()),
        ConditionFhirMapper.toFhir(FhirViews.chronicWithHerniation()),
        ObservationFhirMapper.toFhir(FhirViews.prePainOfSession()),
        ProcedureFhirMapper.toFhir(FhirViews.attendedSession()),
        CarePlanFhirMapper.toFhir(FhirViews.activePlan()),
        GoalFhirMapper.toFhir(FhirViews.goalView()),
        CodeSystemResourceProvider.lumbra(),
        securedCapabilityStatement());
  }

  /** Issue 6: the SMART security section keeps the CapabilityStatement valid base R4. */
  static CapabilityStatement securedCapabilityStatement() {
    CapabilityStatement statement = new CapabilityStatement();
    statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
    statement.setDate(new java.util.Date());
    statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    statement.addFormat("json");
    statement.getImplementation().setDescription("Lumbra");
    CapabilityStatementInterceptor.secure(
        statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER),
        "https://lumbra.example/auth/token",
        "https://lumbra.example/auth/authorize");
    return statement;
  }

  @org.junit.jupiter.api.Test
  void capabilityStatementNamesSmartOnFhirAndTheTokenEndpoint() {
    CapabilityStatement.CapabilityStatementRestSecurityComponent security =
        securedCapabilityStatement().getRestFirstRep().getSecurity();
    assertThat(security.getService())
        .flatExtracting(CodeableConcept::getCoding)
        .extracting(c -> c.getSystem() + "|" + c.getCode())
        .contains(
            CapabilityStatementInterceptor.SECURITY_SERVICE + "|SMART-on-FHIR",
            CapabilityStatementInterceptor.SMART_SECURITY_SERVICE + "|SMART-on-FHIR");
    Extension oauth = security.getExtensionByUrl(CapabilityStatementInterceptor.OAUTH_URIS);
    assertThat(oauth).isNotNull();
    assertThat(oauth.getExtensionByUrl("token").getValue().primitiveValue())
        .isEqualTo("https://lumbra.example/auth/token");
  }

  @ParameterizedTest
  @MethodSource("emitted")
  void emittedResourceHasNoValidationErrors(IBaseResource resource) {
    List<SingleValidationMessage> errors =
        validator.validateWithResult(resource).getMessages().stream()
            .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
            .toList();
    assertThat(errors)
        .as(resource.fhirType())
        .extracting(m -> m.getLocationString() + ": " + m.getMessage())
        .isEmpty();
  }
}
