package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.CarePolicySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The <em>default</em> thresholds of PRODUCT.md (and the project's scheduling choices) read from
 * MicroProfile Config, with the documented defaults; the domain receives them as a plain {@link
 * CarePolicySettings}.
 */
@ApplicationScoped
public class CarePolicyConfig {

  /** PLAN-3: pain score from which acute / flare-up pain counts as severe. */
  @Inject
  @ConfigProperty(name = "lumbra.care.acute-severe-nrs", defaultValue = "7")
  int acuteSevereNrs;

  /** PLAN-6: hours between two deep-tissue / trigger-point sessions. */
  @Inject
  @ConfigProperty(name = "lumbra.care.intensive-gap-hours", defaultValue = "72")
  int intensiveGapHours;

  /** PLAN-6: hours between any other two sessions. */
  @Inject
  @ConfigProperty(name = "lumbra.care.light-gap-hours", defaultValue = "24")
  int lightGapHours;

  @Inject
  @ConfigProperty(name = "lumbra.care.session-minutes", defaultValue = "45")
  int sessionMinutes;

  @Inject
  @ConfigProperty(name = "lumbra.care.taper-step-weeks", defaultValue = "2")
  int taperStepWeeks;

  @Inject
  @ConfigProperty(name = "lumbra.care.schedule-weeks", defaultValue = "26")
  int scheduleWeeks;

  public CarePolicySettings settings() {
    return new CarePolicySettings(
        acuteSevereNrs,
        intensiveGapHours,
        lightGapHours,
        sessionMinutes,
        taperStepWeeks,
        scheduleWeeks);
  }

  @Produces
  CarePolicy carePolicy() {
    return new CarePolicy(settings());
  }
}
