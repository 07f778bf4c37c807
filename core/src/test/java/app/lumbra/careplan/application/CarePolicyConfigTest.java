package app.lumbra.careplan.application;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.careplan.domain.CarePolicySettings;
import java.lang.reflect.Field;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CarePolicyConfigTest {

  /** What the container injects when nothing is configured: each property's defaultValue. */
  private static CarePolicyConfig withAnnotatedDefaults() throws IllegalAccessException {
    CarePolicyConfig config = new CarePolicyConfig();
    for (Field field : CarePolicyConfig.class.getDeclaredFields()) {
      ConfigProperty property = field.getAnnotation(ConfigProperty.class);
      if (property != null) {
        field.setInt(config, Integer.parseInt(property.defaultValue()));
      }
    }
    return config;
  }

  @Test
  @DisplayName("PLAN-3: and plan 6 configuration defaults are those of the product brief")
  void PLAN_3_and_PLAN_6_configurationDefaultsAreThoseOfTheProductBrief()
      throws IllegalAccessException {
    CarePolicySettings settings = withAnnotatedDefaults().settings();

    assertThat(settings).isEqualTo(CarePolicySettings.DEFAULTS);
    assertThat(settings.acuteSevereNrs()).isEqualTo(7);
    assertThat(settings.intensiveGapHours()).isEqualTo(72);
    assertThat(settings.lightGapHours()).isEqualTo(24);
  }
}
