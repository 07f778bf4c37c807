package app.lumbra.export.application;

import app.lumbra.export.domain.ExportRetention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long export files are kept, from MicroProfile Config ({@code lumbra.bulk.retention-minutes}).
 */
@ApplicationScoped
public class ExportRetentionProducer {

  @Inject
  @ConfigProperty(name = "lumbra.bulk.retention-minutes", defaultValue = "60")
  long minutes;

  // Dependent, not application-scoped: a record is final and cannot be proxied.
  @Produces
  ExportRetention retention() {
    return ExportRetention.ofMinutes(minutes);
  }
}
