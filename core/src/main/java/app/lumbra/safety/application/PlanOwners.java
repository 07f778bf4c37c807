package app.lumbra.safety.application;

import java.util.Optional;

/**
 * The patient a care plan belongs to; implemented by the care plan module, so that safety records
 * can name an existing plan without this module depending on the care plan's classes.
 */
public interface PlanOwners {

  Optional<String> patientOf(String carePlanId);
}
