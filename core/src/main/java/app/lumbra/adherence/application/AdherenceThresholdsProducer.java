package app.lumbra.adherence.application;

import app.lumbra.adherence.domain.AdherenceThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ADH-2 default of PRODUCT.md as a MicroProfile Config property; the default here must match
 * {@link AdherenceThresholds#defaults()}.
 */
@ApplicationScoped
public class AdherenceThresholdsProducer {

  @Inject
  @ConfigProperty(name = "lumbra.adherence.gap-factor", defaultValue = "1.5")
  double gapFactor;

  // Dependent, not application-scoped: a record is final and cannot be proxied.
  @Produces
  AdherenceThresholds thresholds() {
    return new AdherenceThresholds(gapFactor);
  }
}
