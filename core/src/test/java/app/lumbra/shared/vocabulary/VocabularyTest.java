package app.lumbra.shared.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.shared.InvalidValueException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The vocabulary plans and sessions share, and the one PLAN-7 decision over it. */
class VocabularyTest {

  @Test
  @DisplayName("PLAN-7: full-body work, alone or beside other regions, is untargeted")
  void PLAN_7_fullBodyWorkIsUntargeted() {
    assertThat(TargetRegion.isUntargeted(Set.of(TargetRegion.FULL_BODY))).isTrue();
    assertThat(TargetRegion.isUntargeted(Set.of(TargetRegion.FULL_BODY, TargetRegion.LOWER_BACK)))
        .isTrue();
  }

  @Test
  @DisplayName("PLAN-7: work naming no region is untargeted")
  void PLAN_7_workNamingNoRegionIsUntargeted() {
    assertThat(TargetRegion.isUntargeted(Set.of())).isTrue();
  }

  @Test
  @DisplayName("PLAN-7: work on the named low-back regions is targeted")
  void PLAN_7_workOnTheNamedRegionsIsTargeted() {
    assertThat(TargetRegion.isUntargeted(EnumSet.complementOf(EnumSet.of(TargetRegion.FULL_BODY))))
        .isFalse();
    assertThat(TargetRegion.isUntargeted(Set.of(TargetRegion.GLUTES))).isFalse();
  }

  @Test
  @DisplayName("PLAN-8: techniques are the coded list, the deep ones intensive")
  void PLAN_8_techniquesAreTheCodedList() {
    assertThat(Technique.fromCode(" KNEADING ")).isEqualTo(Technique.KNEADING);
    assertThat(EnumSet.allOf(Technique.class).stream().filter(Technique::intensive))
        .containsExactlyInAnyOrder(Technique.TRIGGER_POINT, Technique.DEEP_TISSUE);
    assertThatThrownBy(() -> TargetRegion.fromCode("NECK"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("targetRegion")
        .hasMessageContaining("LOWER_BACK, HIPS, GLUTES, SURROUNDING_MUSCLES, FULL_BODY");
  }
}
