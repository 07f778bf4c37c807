package app.lumbra.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.terminology.Terminology;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.junit.jupiter.api.Test;

/**
 * FHIR-5, FHIR-7: the CapabilityStatement says Lumbra speaks US Core 8.0.0, and in which profiles.
 */
class CapabilityStatementInterceptorTest {

  private final CapabilityStatementInterceptor interceptor =
      new CapabilityStatementInterceptor(Optional.empty(), Optional.empty());

  @Test
  void instantiatesUsCoreServerAndListsTheProfilesOfEachType() {
    CapabilityStatement statement = generated("Patient", "Observation", "StructureDefinition");

    interceptor.describe(statement, null);
    interceptor.describe(statement, null);

    assertThat(statement.getInstantiates())
        .extracting(CanonicalType::getValue)
        .containsExactly("http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server|8.0.0");
    assertThat(profiles(statement, "Patient"))
        .containsExactly("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|8.0.0");
    assertThat(profiles(statement, "Observation"))
        .containsExactly(
            Terminology.US_CORE_SCREENING_ASSESSMENT, Terminology.US_CORE_SIMPLE_OBSERVATION);
    assertThat(profiles(statement, "StructureDefinition")).isEmpty();
    assertThat(statement.getRestFirstRep().getDocumentation())
        .contains("StructureDefinition/{name}");
  }

  private static CapabilityStatement generated(String... types) {
    CapabilityStatement statement = new CapabilityStatement();
    CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest();
    for (String type : types) {
      rest.addResource().setType(type);
    }
    return statement;
  }

  private static List<String> profiles(CapabilityStatement statement, String type) {
    return statement.getRestFirstRep().getResource().stream()
        .filter(resource -> type.equals(resource.getType()))
        .map(CapabilityStatementRestResourceComponent::getSupportedProfile)
        .flatMap(List::stream)
        .map(CanonicalType::getValue)
        .toList();
  }
}
