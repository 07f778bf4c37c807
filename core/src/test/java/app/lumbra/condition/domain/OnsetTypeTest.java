package app.lumbra.condition.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.shared.InvalidValueException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** FHIR-6: the onset type derived from the onset date and the day the condition was recorded. */
class OnsetTypeTest {

  private static final LocalDate RECORDED = LocalDate.of(2026, 3, 2);

  @Test
  void painUnderSixWeeksOldIsAcuteFhir6() {
    assertThat(OnsetType.sinceOnset(RECORDED, RECORDED)).isEqualTo(OnsetType.ACUTE);
    assertThat(OnsetType.sinceOnset(RECORDED.minusDays(41), RECORDED)).isEqualTo(OnsetType.ACUTE);
  }

  @Test
  void painFromSixToTwelveWeeksOldIsSubacuteFhir6() {
    assertThat(OnsetType.sinceOnset(RECORDED.minusWeeks(6), RECORDED))
        .isEqualTo(OnsetType.SUBACUTE);
    assertThat(OnsetType.sinceOnset(RECORDED.minusWeeks(12), RECORDED))
        .isEqualTo(OnsetType.SUBACUTE);
  }

  @Test
  void painOverTwelveWeeksOldIsChronicFhir6() {
    assertThat(OnsetType.sinceOnset(RECORDED.minusWeeks(12).minusDays(1), RECORDED))
        .isEqualTo(OnsetType.CHRONIC);
    assertThat(OnsetType.sinceOnset(RECORDED.minusYears(5), RECORDED)).isEqualTo(OnsetType.CHRONIC);
  }

  @Test
  void withoutAnOnsetDateTheOnsetIsUnknownFhir6() {
    assertThat(OnsetType.sinceOnset(null, RECORDED)).isEqualTo(OnsetType.UNKNOWN);
    assertThat(OnsetType.UNKNOWN.isKnown()).isFalse();
  }

  @Test
  void anOnsetAfterTheRecordingDayIsRefusedNamingTheField() {
    assertThatThrownBy(() -> OnsetType.sinceOnset(RECORDED.plusDays(1), RECORDED))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("onsetDate");
  }

  @Test
  void onlyNewPainAndFlareUpsCountAsRecentForPlan3() {
    assertThat(OnsetType.ACUTE.isRecentOrFlareUp()).isTrue();
    assertThat(OnsetType.FLARE_UP.isRecentOrFlareUp()).isTrue();
    assertThat(OnsetType.SUBACUTE.isRecentOrFlareUp()).isFalse();
    assertThat(OnsetType.CHRONIC.isRecentOrFlareUp()).isFalse();
    assertThat(OnsetType.UNKNOWN.isRecentOrFlareUp()).isFalse();
  }

  @Test
  void aConditionWithoutOnsetTypeOrDateIsAcceptedAsUnknownFhir6() {
    ConditionFacts facts =
        new ConditionFacts(null, null, new Severity(5, null), null, "from the problem list");
    assertThat(facts.onsetType()).isEqualTo(OnsetType.UNKNOWN);
    assertThat(facts.onsetDate()).isNull();
  }
}
