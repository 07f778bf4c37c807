package app.lumbra.progress.application;

import app.lumbra.progress.domain.ProgressThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PROG-2 and PROG-4 defaults of PRODUCT.md as MicroProfile Config properties; the defaults here
 * must match {@link ProgressThresholds#defaults()}.
 */
@ApplicationScoped
public class ProgressThresholdsProducer {

  @Inject
  @ConfigProperty(name = "lumbra.progress.important-change-points", defaultValue = "2")
  double importantChangePoints;

  @Inject
  @ConfigProperty(name = "lumbra.progress.important-drop-percent", defaultValue = "30")
  double importantDropPercent;

  @Inject
  @ConfigProperty(name = "lumbra.progress.plateau-slope-per-week", defaultValue = "0.25")
  double plateauSlopePerWeek;

  // Dependent, not application-scoped: a record is final and cannot be proxied.
  @Produces
  ProgressThresholds thresholds() {
    return new ProgressThresholds(importantChangePoints, importantDropPercent, plateauSlopePerWeek);
  }
}
