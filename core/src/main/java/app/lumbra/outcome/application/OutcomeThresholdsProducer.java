package app.lumbra.outcome.application;

import app.lumbra.outcome.domain.OutcomeThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OUT-1..OUT-4 numbers as MicroProfile Config properties; the defaults here must match {@link
 * OutcomeThresholds#defaults()}.
 */
@ApplicationScoped
public class OutcomeThresholdsProducer {

  @Inject
  @ConfigProperty(name = "lumbra.outcome.oswestry-important-points", defaultValue = "10")
  int oswestryPoints;

  @Inject
  @ConfigProperty(name = "lumbra.outcome.roland-morris-important-points", defaultValue = "5")
  int rolandMorrisPoints;

  @Inject
  @ConfigProperty(name = "lumbra.outcome.function-important-drop-percent", defaultValue = "30")
  double functionDropPercent;

  @Inject
  @ConfigProperty(name = "lumbra.outcome.symptom-important-points", defaultValue = "2")
  double symptomPoints;

  @Inject
  @ConfigProperty(name = "lumbra.outcome.recovered-pain-at-most", defaultValue = "1")
  int recoveredPainAtMost;

  @Inject
  @ConfigProperty(name = "lumbra.outcome.recovered-roland-morris-at-most", defaultValue = "2")
  int recoveredRolandMorrisAtMost;

  @Inject
  @ConfigProperty(name = "lumbra.outcome.reassessment-weeks", defaultValue = "6")
  int reassessmentWeeks;

  @Inject
  @ConfigProperty(name = "lumbra.outcome.reassessment-grace-days", defaultValue = "7")
  int reassessmentGraceDays;

  @Inject
  @ConfigProperty(name = "lumbra.outcome.maintenance-review-weeks", defaultValue = "12")
  int maintenanceReviewWeeks;

  // Dependent, not application-scoped: a record is final and cannot be proxied.
  @Produces
  OutcomeThresholds thresholds() {
    return new OutcomeThresholds(
        oswestryPoints,
        rolandMorrisPoints,
        functionDropPercent,
        symptomPoints,
        recoveredPainAtMost,
        recoveredRolandMorrisAtMost,
        reassessmentWeeks,
        reassessmentGraceDays,
        maintenanceReviewWeeks);
  }
}
