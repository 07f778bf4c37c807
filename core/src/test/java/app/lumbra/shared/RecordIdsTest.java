package app.lumbra.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.careplan.domain.CarePlanId;
import app.lumbra.condition.domain.ConditionId;
import app.lumbra.patient.domain.PatientId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

  @Test
  void anyFhirIdIsAcceptedAsGivenFhir8() {
    assertThat(RecordIds.check("id", "mrn-123")).isEqualTo("mrn-123");
    assertThat(RecordIds.check("id", "Example.1")).isEqualTo("Example.1");
    assertThat(RecordIds.check("id", "x".repeat(64))).hasSize(64);
    assertThat(ConditionId.of("problem-1").value()).isEqualTo("problem-1");
    assertThat(CarePlanId.of("referral.7").value()).isEqualTo("referral.7");
  }

  @Test
  void idsAreKeptExactlyAsGivenBecauseFhirIdsAreCaseSensitive() {
    String upper = "3F2B8C1E-5D4A-4B7E-9C1F-2A6D8E0B7C45";
    assertThat(PatientId.of(upper).value()).isEqualTo(upper);
  }

  @Test
  void whatIsNoFhirIdIsRefusedNamingTheFieldAndTheRule() {
    for (String bad : new String[] {"", "a b", "a/b", "a_b", "é", "x".repeat(65)}) {
      assertThatThrownBy(() -> RecordIds.check("goalId", bad))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("goalId")
          .hasMessageContaining("FHIR-8");
    }
    assertThatThrownBy(() -> RecordIds.check("goalId", null))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void withoutARequestedIdAFreshUuidIsMade() {
    assertThat(UUID.fromString(PatientId.requestedOrRandom(null).value())).isNotNull();
    assertThat(UUID.fromString(RecordIds.requestedOrTimeOrdered("id", null))).isNotNull();
    assertThat(RecordIds.requestedOrRandom("id", "mrn-1")).isEqualTo("mrn-1");
  }
}
