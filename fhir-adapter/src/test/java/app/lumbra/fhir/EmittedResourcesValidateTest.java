package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
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
        CodeSystemResourceProvider.lumbra());
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
