package app.lumbra.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.observation.domain.DailyActivityDifficulty;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.shared.InvalidValueException;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

  @Test
  @DisplayName("OBS-1: pain is a whole number from zero to ten")
  void OBS_1_painIsAWholeNumberFromZeroToTen() {
    assertThat(PainScore.of(0).value()).isZero();
    assertThat(PainScore.of(10).value()).isEqualTo(10);
    assertThatThrownBy(() -> PainScore.of(11))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("pain")
        .hasMessageContaining("from 0 to 10")
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("pain"));
    assertThatThrownBy(() -> PainScore.of(-1)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  @DisplayName("OBS-1: pain from a boundary accepts whole numbers only")
  void OBS_1_painFromABoundaryAcceptsWholeNumbersOnly() {
    assertThat(PainScore.parse("7")).isEqualTo(PainScore.of(7));
    assertThat(PainScore.parse(new BigDecimal("7.0"))).isEqualTo(PainScore.of(7));
    assertThat(PainScore.parse(7L)).isEqualTo(PainScore.of(7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7.5", "seven", "", "11", "-2", "1e1"})
  @DisplayName("OBS-4: wrongly typed or out of range pain is rejected naming field and range")
  void OBS_4_wronglyTypedOrOutOfRangePainIsRejectedNamingFieldAndRange(String raw) {
    assertThatThrownBy(() -> PainScore.parse(raw))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("pain: ")
        .hasMessageContaining("an integer from 0 to 10");
  }

  @Test
  @DisplayName("OBS-4: values of the wrong java type are rejected")
  void OBS_4_valuesOfTheWrongJavaTypeAreRejected() {
    assertThatThrownBy(() -> PainScore.parse(Boolean.TRUE))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> PainScore.parse(7.5d)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> PainScore.parse(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("a missing value");
  }

  @Test
  @DisplayName("OBS-2: stiffness is zero to ten with morning stiffness")
  void OBS_2_stiffnessIsZeroToTenWithMorningStiffness() {
    StiffnessScore morning = StiffnessScore.of(6, true);
    assertThat(morning.morning()).isTrue();
    assertThat(morning.code()).isEqualTo(ObservationCode.STIFFNESS);
    assertThatThrownBy(() -> StiffnessScore.of(11, false))
        .hasMessageContaining("stiffness")
        .hasMessageContaining("from 0 to 10");
  }

  @Test
  @DisplayName("OBS-2: spasms are none occasional or frequent")
  void OBS_2_spasmsAreNoneOccasionalOrFrequent() {
    assertThat(SpasmFrequency.fromCode("OCCASIONAL")).isEqualTo(SpasmFrequency.OCCASIONAL);
    assertThatThrownBy(() -> SpasmFrequency.fromCode("SOMETIMES"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("spasmFrequency")
        .hasMessageContaining("NONE, OCCASIONAL, FREQUENT");
  }

  @Test
  @DisplayName("OBS-2: leg pain is absent or present with a side")
  void OBS_2_legPainIsAbsentOrPresentWithASide() {
    assertThat(LegPain.of("PRESENT", "LEFT")).isEqualTo(LegPain.present(LegPain.Side.LEFT));
    assertThat(LegPain.of("PRESENT", null).sideIfKnown()).isEmpty();
    assertThat(LegPain.of("ABSENT", "")).isEqualTo(LegPain.absent());
    assertThatThrownBy(() -> LegPain.of("ABSENT", "LEFT"))
        .hasMessageContaining("legPainSide")
        .hasMessageContaining("no side when leg pain is ABSENT");
    assertThatThrownBy(() -> LegPain.of("PRESENT", "UP"))
        .hasMessageContaining("legPainSide")
        .hasMessageContaining("LEFT, RIGHT, BOTH");
    assertThatThrownBy(() -> LegPain.of("MAYBE", null))
        .hasMessageContaining("legPain")
        .hasMessageContaining("ABSENT, PRESENT");
  }

  @Test
  @DisplayName("OBS-2: functional scales have their own ranges")
  void OBS_2_functionalScalesHaveTheirOwnRanges() {
    assertThat(OswestryScore.of(100).percent()).isEqualTo(100);
    assertThatThrownBy(() -> OswestryScore.of(101)).hasMessageContaining("from 0 to 100");
    assertThat(RolandMorrisScore.of(24).value()).isEqualTo(24);
    assertThatThrownBy(() -> RolandMorrisScore.of(25))
        .hasMessageContaining("rolandMorris")
        .hasMessageContaining("from 0 to 24");
    assertThat(DailyActivityDifficulty.of(10).value()).isEqualTo(10);
    assertThatThrownBy(() -> DailyActivityDifficulty.parse("12"))
        .hasMessageContaining("dailyActivityDifficulty");
  }

  @Test
  @DisplayName("OBS-4: unknown observation codes are rejected naming the known ones")
  void OBS_4_unknownObservationCodesAreRejectedNamingTheKnownOnes() {
    assertThat(ObservationCode.fromCode("OSWESTRY")).isEqualTo(ObservationCode.OSWESTRY);
    assertThatThrownBy(() -> ObservationCode.fromCode("BLOOD_PRESSURE"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("code")
        .hasMessageContaining("PAIN, STIFFNESS, SPASM, LEG_PAIN");
  }

  @Test
  @DisplayName("OBS-4: unknown contexts and sources are rejected")
  void OBS_4_unknownContextsAndSourcesAreRejected() {
    assertThat(ReadingContext.fromCode("POST_SESSION")).isEqualTo(ReadingContext.POST_SESSION);
    assertThatThrownBy(() -> ReadingContext.fromCode("DURING_SESSION"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("context")
        .hasMessageContaining("PRE_SESSION, POST_SESSION, DIARY, EHR_IMPORT");
    assertThatThrownBy(() -> ReadingSource.fromCode("fax"))
        .hasMessageContaining("source")
        .hasMessageContaining("PORTAL, HOME_DIARY, EHR_IMPORT");
  }
}
