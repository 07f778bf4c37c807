package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.server.CapabilityStatementInterceptor;
import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import app.lumbra.fhir.terminology.ExtensionDefinitions;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.session.domain.SessionStatus;
import java.util.Date;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FHIR-5: every kind of resource the mappers emit claims a US Core 8.0.0 profile and validates
 * against it with zero errors, offline ({@link UsCoreValidator}); what the server publishes about
 * itself (code system, extension definitions, CapabilityStatement) validates against base R4.
 */
class EmittedResourcesValidateTest {

  static Stream<Named<DomainResource>> emittedClinicalResources() {
    Stream<Named<DomainResource>> fixed =
        Stream.of(
            named("Patient", PatientFhirMapper.toFhir(FhirViews.patient())),
            named(
                "Condition chronic, disc herniation",
                ConditionFhirMapper.toFhir(FhirViews.chronicWithHerniation())),
            named(
                "Condition resolved, every structural cause",
                ConditionFhirMapper.toFhir(FhirViews.resolvedWithEveryStructuralCause())),
            named(
                "Observation pre-session pain",
                ObservationFhirMapper.toFhir(FhirViews.prePainOfSession())),
            named("Procedure attended", ProcedureFhirMapper.toFhir(FhirViews.attendedSession())),
            named(
                "Procedure missed",
                ProcedureFhirMapper.toFhir(FhirViews.sessionNotDone(SessionStatus.MISSED))),
            named(
                "Procedure cancelled",
                ProcedureFhirMapper.toFhir(FhirViews.sessionNotDone(SessionStatus.CANCELLED))),
            named("CarePlan active", CarePlanFhirMapper.toFhir(FhirViews.activePlan())),
            named(
                "CarePlan with every phase kind",
                CarePlanFhirMapper.toFhir(FhirViews.planWithEveryPhaseKind())),
            named("Goal", GoalFhirMapper.toFhir(FhirViews.goalView())));
    Stream<Named<DomainResource>> measures =
        FhirViews.everyMeasure().stream()
            .map(
                view ->
                    named(
                        "Observation " + view.code() + " " + view.reading(),
                        ObservationFhirMapper.toFhir(view)));
    return Stream.concat(fixed, measures);
  }

  @ParameterizedTest
  @MethodSource("emittedClinicalResources")
  void emittedResourceClaimsUsCoreAndValidatesWithZeroErrors(DomainResource resource) {
    assertThat(resource.getMeta().getProfile())
        .as("meta.profile")
        .singleElement()
        .satisfies(
            profile ->
                assertThat(profile.getValue())
                    .startsWith("http://hl7.org/fhir/us/core/StructureDefinition/")
                    .endsWith("|" + Terminology.US_CORE_VERSION));

    assertThat(UsCoreValidator.get().errors(resource)).as(resource.fhirType()).isEmpty();
  }

  static Stream<Named<IBaseResource>> publishedConformanceResources() {
    return Stream.of(
        named("CodeSystem lumbra", CodeSystemResourceProvider.lumbra()),
        named("CodeSystem lumbra-rule", CodeSystemResourceProvider.rules()),
        named("CodeSystem lumbra-red-flag", CodeSystemResourceProvider.redFlags()),
        named("CapabilityStatement", securedCapabilityStatement()));
  }

  @ParameterizedTest
  @MethodSource("publishedConformanceResources")
  void publishedConformanceResourceValidatesWithZeroErrors(IBaseResource resource) {
    assertThat(UsCoreValidator.get().errors(resource)).as(resource.fhirType()).isEmpty();
  }

  /**
   * FHIR-7: each served extension definition turns into a full snapshot (so a partner's validator
   * can use it) and is really applied: a value of the wrong type is an error.
   */
  @Test
  void everyExtensionDefinitionHasASnapshotAndIsEnforced() {
    for (StructureDefinition definition : ExtensionDefinitions.structureDefinitions()) {
      assertThat(UsCoreValidator.get().structureDefinition(definition.getUrl()).getSnapshot())
          .as(definition.getUrl())
          .satisfies(snapshot -> assertThat(snapshot.getElement()).isNotEmpty());
    }
    Observation pain = ObservationFhirMapper.toFhir(FhirViews.prePainOfSession());
    pain.getExtensionByUrl(Terminology.extension(Extensions.READING_CONTEXT))
        .setValue(new StringType("before the session"));
    Observation undefined = ObservationFhirMapper.toFhir(FhirViews.prePainOfSession());
    undefined.addExtension(Terminology.extension("no-such-extension"), new StringType("x"));

    assertThat(UsCoreValidator.get().errors(pain))
        .anySatisfy(error -> assertThat(error).contains(Extensions.READING_CONTEXT));
    assertThat(UsCoreValidator.get().errors(undefined))
        .anySatisfy(error -> assertThat(error).contains("no-such-extension"));
  }

  /** The SMART security section keeps the CapabilityStatement valid base R4. */
  static CapabilityStatement securedCapabilityStatement() {
    CapabilityStatement statement = new CapabilityStatement();
    statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
    statement.setDate(new Date());
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

  @Test
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
}
