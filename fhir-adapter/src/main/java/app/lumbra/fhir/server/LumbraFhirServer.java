package app.lumbra.fhir.server;

import app.lumbra.fhir.audit.FhirAuditInterceptor;
import app.lumbra.fhir.security.FhirAccessInterceptor;
import app.lumbra.fhir.security.VolumeLimitsInterceptor;
import app.lumbra.fhir.support.LumbraFhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Lumbra's FHIR R4 server. The web module mounts a subclass as a servlet and supplies the resource
 * providers; this class fixes the FHIR version, encodings and server identity.
 */
public abstract class LumbraFhirServer extends RestfulServer {
  private static final long serialVersionUID = 1L;

  public static final String SERVER_NAME = "Lumbra FHIR server";

  protected LumbraFhirServer() {
    super(LumbraFhirContext.r4());
  }

  /** The resource providers to serve; called once when the servlet starts. */
  protected abstract Iterable<IResourceProvider> resourceProviders();

  /** System-level plain providers (transaction, batch); none unless a subclass supplies them. */
  protected Iterable<? extends PlainProvider> plainProviders() {
    return List.of();
  }

  /** FHIR-1 "keep" on every read; supplied by the subclass that knows every resource type. */
  protected abstract Object keptOnRead();

  /** The collaborators the server is assembled from; supplied by the subclass, injected. */
  protected abstract FhirServerParts parts();

  /** Leaves out HAPI's X-Powered-By header, which would reveal the library and its version. */
  @Override
  public void addHeadersToResponse(HttpServletResponse response) {
    // Intentionally empty: no product or version headers.
  }

  @Override
  protected void initialize() {
    setServerName(SERVER_NAME);
    setServerVersion(LumbraFhirServer.class.getPackage().getImplementationVersion());
    setImplementationDescription("Lumbra: massage therapy in low-back-pain care, FHIR R4");
    setDefaultResponseEncoding(EncodingEnum.JSON);
    setDefaultPrettyPrint(false);
    List<IResourceProvider> providers = new ArrayList<>();
    resourceProviders().forEach(providers::add);
    setResourceProviders(providers);
    plainProviders().forEach(this::registerProvider);
    // FHIR-1: unknown elements are a 400, never silently dropped.
    getFhirContext().setParserErrorHandler(new StrictErrorHandler());
    // Lumbra never puts resources without an id into references, so the encoder need not
    // walk every resource looking for ones to contain (about 7 % of encoding a search Bundle).
    getFhirContext().getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    FhirServerParts parts = parts();
    FhirSettings settings = parts.settings();
    setDefaultPageSize(settings.defaultPageSize());
    registerInterceptor(new RequestLimitsInterceptor(settings.maxRequestBytes()));
    registerInterceptor(new ErrorTranslationInterceptor());
    // Expected 401/403 refusals are one INFO line, not SEVERE with a stack trace.
    RefusalLogging.install();
    // Bearer tokens, SMART scopes and patient confinement on everything but /metadata.
    registerInterceptor(
        new FhirAccessInterceptor(
            parts.tokenVerifier(), getFhirContext(), parts.careTeams()::maySee));
    registerInterceptor(
        new VolumeLimitsInterceptor(settings.maxBundleEntries(), settings.maxIncludeResults()));
    registerInterceptor(new MinuteTimesInterceptor(getFhirContext()));
    registerInterceptor(keptOnRead());
    registerInterceptor(new FhirAuditInterceptor(parts.auditTrail()));
    registerInterceptor(new CapabilityStatementInterceptor(parts.tokenUrl(), parts.authorizeUrl()));
    setServerConformanceProvider(new ServerCapabilityStatementProvider(this));
  }
}
