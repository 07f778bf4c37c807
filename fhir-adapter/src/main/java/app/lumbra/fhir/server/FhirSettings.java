package app.lumbra.fhir.server;

import app.lumbra.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits of the FHIR interface, read once from MicroProfile Config (defaults in this jar's
 * {@code microprofile-config.properties}). Everything that bounds a FHIR request reads them here.
 *
 * <p>{@code _count} is capped, not refused: FHIR lets a server return fewer entries than asked for,
 * and the Bundle's {@code next} link and {@code total} tell the client how to page on, so a client
 * written for a server with a larger page size keeps working.
 */
@ApplicationScoped
public class FhirSettings {

  private int defaultPageSize;
  private int maxPageSize;
  private long maxRequestBytes;
  private int maxBundleEntries;
  private int maxIncludeResults;

  /** For the CDI proxy only. */
  protected FhirSettings() {}

  @Inject
  public FhirSettings(
      @ConfigProperty(name = "lumbra.fhir.default-page-size") int defaultPageSize,
      @ConfigProperty(name = "lumbra.fhir.max-page-size") int maxPageSize,
      @ConfigProperty(name = "lumbra.fhir.max-request-bytes") long maxRequestBytes,
      @ConfigProperty(name = "lumbra.fhir.max-bundle-entries") int maxBundleEntries,
      @ConfigProperty(name = "lumbra.fhir.max-include-results") int maxIncludeResults) {
    if (maxPageSize < 1 || maxPageSize > PageRequest.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "lumbra.fhir.max-page-size must be 1 to " + PageRequest.MAX_LIMIT + ": " + maxPageSize);
    }
    if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
      throw new IllegalArgumentException(
          "lumbra.fhir.default-page-size must be 1 to lumbra.fhir.max-page-size ("
              + maxPageSize
              + "): "
              + defaultPageSize);
    }
    this.defaultPageSize = defaultPageSize;
    this.maxPageSize = maxPageSize;
    this.maxRequestBytes = maxRequestBytes;
    this.maxBundleEntries = maxBundleEntries;
    this.maxIncludeResults = maxIncludeResults;
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

  public int defaultPageSize() {
    return defaultPageSize;
  }

  public int maxPageSize() {
    return maxPageSize;
  }

  /** Largest request body read before parsing; 413 above it. */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /** Most entries in one transaction or batch Bundle. */
  public int maxBundleEntries() {
    return maxBundleEntries;
  }

  /** Most resources {@code _include} / {@code _revinclude} may add to one search page. */
  public int maxIncludeResults() {
    return maxIncludeResults;
  }
}
