package app.lumbra.condition.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConditionTest {

  private static final PatientId PATIENT = PatientId.random();
  private static final LocalDate LAST_WEEK = LocalDate.of(2026, 2, 23);

  private static ConditionFacts facts(Severity severity, Set<StructuralCause> causes) {
    return new ConditionFacts(OnsetType.ACUTE, LAST_WEEK, severity, causes, null);
  }

  @Test
  void categoryFollowsThePainScoreBandWhenNotGiven() {
    assertThat(Severity.ofPainScore(2).category()).isEqualTo(SeverityCategory.MILD);
    assertThat(Severity.ofPainScore(5).category()).isEqualTo(SeverityCategory.MODERATE);
    assertThat(Severity.ofPainScore(7).category()).isEqualTo(SeverityCategory.SEVERE);
    assertThat(new Severity(6, SeverityCategory.SEVERE).category())
        .isEqualTo(SeverityCategory.SEVERE);
  }

  @Test
  void painScoreOutsideZeroToTenIsRejectedNamingTheRange() {
    assertThatThrownBy(() -> Severity.ofPainScore(11))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("severity.painScore")
        .hasMessageContaining("0 to 10");
  }

  @Test
  void severityNeedsAScoreOrACategory() {
    assertThatThrownBy(() -> new Severity(null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("severity");
  }

  @Test
  void onsetInTheFutureIsRejected() {
    ConditionFacts tomorrow =
        new ConditionFacts(
            OnsetType.ACUTE, LocalDate.of(2026, 3, 3), Severity.ofPainScore(5), Set.of(), null);
    assertThatThrownBy(() -> Condition.record(PATIENT, tomorrow, TestClocks.MONDAY_MORNING))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("onsetDate");
  }

  @Test
  @DisplayName("PLAN-11: a disc herniation is recorded as a structural cause")
  void PLAN_11_discHerniationIsAStructuralCause() {
    Condition condition =
        Condition.record(
            PATIENT,
            facts(Severity.ofPainScore(6), Set.of(StructuralCause.DISC_HERNIATION)),
            TestClocks.MONDAY_MORNING);

    assertThat(condition.hasStructuralCause()).isTrue();
    assertThat(condition.structuralCauses()).containsExactly(StructuralCause.DISC_HERNIATION);
  }

  @Test
  void resolvingBeforeOnsetIsRejected() {
    Condition condition =
        Condition.record(
            PATIENT, facts(Severity.ofPainScore(6), Set.of()), TestClocks.MONDAY_MORNING);

    assertThatThrownBy(() -> condition.resolve(LAST_WEEK.minusDays(1), TestClocks.MONDAY_MORNING))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("resolvedOn");
    condition.resolve(LocalDate.of(2026, 3, 1), TestClocks.MONDAY_MORNING);
    assertThat(condition.status()).isEqualTo(ConditionStatus.RESOLVED);
  }
}
