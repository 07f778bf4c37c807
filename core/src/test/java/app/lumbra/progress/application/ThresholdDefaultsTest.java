package app.lumbra.progress.application;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.adherence.application.AdherenceThresholdsProducer;
import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.progress.domain.ProgressThresholds;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The defaults of PRODUCT.md are written twice, as MicroProfile Config defaults and as {@code
 * defaults()} for container-free use; this keeps the two the same.
 */
class ThresholdDefaultsTest {

  private static Map<String, Double> configDefaults(Class<?> producer) {
    return Arrays.stream(producer.getDeclaredFields())
        .filter(field -> field.isAnnotationPresent(ConfigProperty.class))
        .collect(
            Collectors.toMap(
                Field::getName,
                field -> Double.valueOf(field.getAnnotation(ConfigProperty.class).defaultValue())));
  }

  @Test
  @DisplayName("PROG-2: and prog 4 config defaults are the product defaults")
  void PROG_2_and_PROG_4_configDefaultsAreTheProductDefaults() {
    Map<String, Double> defaults = configDefaults(ProgressThresholdsProducer.class);
    ProgressThresholds thresholds = ProgressThresholds.defaults();
    assertThat(defaults)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "importantChangePoints", thresholds.importantChangePoints(),
                "importantDropPercent", thresholds.importantDropPercent(),
                "plateauSlopePerWeek", thresholds.plateauSlopePerWeek()));
    assertThat(thresholds).isEqualTo(new ProgressThresholds(2, 30, 0.25));
  }

  @Test
  @DisplayName("ADH-2: config default is the product default")
  void ADH_2_configDefaultIsTheProductDefault() {
    assertThat(configDefaults(AdherenceThresholdsProducer.class))
        .containsExactlyEntriesOf(Map.of("gapFactor", AdherenceThresholds.defaults().gapFactor()));
    assertThat(AdherenceThresholds.defaults().gapFactor()).isEqualTo(1.5);
  }
}
