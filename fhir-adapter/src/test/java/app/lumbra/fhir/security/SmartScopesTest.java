package app.lumbra.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.security.SmartScopes.Context;
import app.lumbra.fhir.security.SmartScopes.Interaction;
import org.junit.jupiter.api.Test;

class SmartScopesTest {

  @Test
  void v1ReadAllowsReadAndSearchOfThatTypeOnly() {
    SmartScopes scopes = SmartScopes.parse("patient/Observation.read");
    assertThat(scopes.allows("Observation", Interaction.READ)).contains(Context.PATIENT);
    assertThat(scopes.allows("Observation", Interaction.SEARCH)).contains(Context.PATIENT);
    assertThat(scopes.allows("Observation", Interaction.CREATE)).isEmpty();
    assertThat(scopes.allows("Patient", Interaction.READ)).isEmpty();
  }

  @Test
  void v1WriteAndWildcardType() {
    SmartScopes scopes = SmartScopes.parse("user/*.write");
    assertThat(scopes.allows("CarePlan", Interaction.CREATE)).contains(Context.USER);
    assertThat(scopes.allows("CarePlan", Interaction.UPDATE)).contains(Context.USER);
    assertThat(scopes.allows("CarePlan", Interaction.READ)).isEmpty();
  }

  @Test
  void v2LettersGrantExactlyTheirInteractions() {
    SmartScopes scopes = SmartScopes.parse("patient/CarePlan.rs system/*.cruds");
    assertThat(scopes.allows("CarePlan", Interaction.READ)).contains(Context.SYSTEM);
    assertThat(SmartScopes.parse("patient/CarePlan.rs").allows("CarePlan", Interaction.UPDATE))
        .isEmpty();
    assertThat(SmartScopes.parse("user/*.cruds").allows("Goal", Interaction.DELETE))
        .contains(Context.USER);
  }

  @Test
  void malformedV2LettersAndQueriesGrantNothing() {
    assertThat(SmartScopes.parse("patient/CarePlan.sr").grants()).isEmpty();
    assertThat(SmartScopes.parse("patient/CarePlan.rr").grants()).isEmpty();
    assertThat(SmartScopes.parse("patient/Observation.rs?category=survey").grants()).isEmpty();
    assertThat(SmartScopes.parse("openid fhirUser launch/patient").grants()).isEmpty();
    assertThat(SmartScopes.parse(null).grants()).isEmpty();
  }

  @Test
  void theBroadestContextWins() {
    SmartScopes scopes = SmartScopes.parse("patient/*.read system/Patient.read");
    assertThat(scopes.allows("Patient", Interaction.READ)).contains(Context.SYSTEM);
    assertThat(scopes.allows("Observation", Interaction.READ)).contains(Context.PATIENT);
  }

  @Test
  void theAuditTrailMustBeNamed() {
    assertThat(SmartScopes.parse("system/*.cruds").allows("AuditEvent", Interaction.READ))
        .isEmpty();
    assertThat(SmartScopes.parse("system/AuditEvent.rs").allows("AuditEvent", Interaction.SEARCH))
        .contains(Context.SYSTEM);
  }
}
