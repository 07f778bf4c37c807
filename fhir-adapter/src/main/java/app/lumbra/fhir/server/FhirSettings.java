package app.lumbra.fhir.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Limits of the FHIR interface, from MicroProfile Config (defaults in this jar's properties). */
@ApplicationScoped
public class FhirSettings {

  private int defaultPageSize;
  private int maxPageSize;

  /** For the CDI proxy only. */
  protected FhirSettings() {}

  @Inject
  public FhirSettings(
      @ConfigProperty(name = "lumbra.fhir.default-page-size") int defaultPageSize,
      @ConfigProperty(name = "lumbra.fhir.max-page-size") int maxPageSize) {
    this.defaultPageSize = defaultPageSize;
    this.maxPageSize = maxPageSize;
  }

  /** The page size for {@code _count}: the default when absent, capped at the maximum. */
  public int pageSize(Integer count) {
    if (count == null || count < 1) {
      return defaultPageSize;
    }
    return Math.min(count, maxPageSize);
  }

  public int offset(Integer offset) {
    return offset == null || offset < 0 ? 0 : offset;
  }
}
