package app.lumbra.fhir.server;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.careteam.application.CareTeams;
import app.lumbra.fhir.audit.FhirAuditInterceptor;
import app.lumbra.fhir.security.FhirAccessInterceptor;
import app.lumbra.fhir.security.LocalTokenIssuer;
import app.lumbra.fhir.security.Revocations;
import app.lumbra.fhir.security.TokenVerifier;
import app.lumbra.fhir.security.VolumeLimitsInterceptor;
import app.lumbra.fhir.support.LumbraFhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

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
    // Issue 7: Lumbra never puts resources without an id into references, so the encoder need not
    // walk every resource looking for ones to contain (about 7 % of encoding a search Bundle).
    getFhirContext().getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    setDefaultPageSize(
        ConfigProvider.getConfig().getValue("lumbra.fhir.default-page-size", Integer.class));
    registerInterceptor(
        new RequestLimitsInterceptor(
            ConfigProvider.getConfig().getValue("lumbra.fhir.max-request-bytes", Long.class)));
    registerInterceptor(new ErrorTranslationInterceptor());
    // Issue 6: expected 401/403 refusals are one INFO line, not SEVERE with a stack trace.
    RefusalLogging.install();
    // Issue 6: bearer tokens, SMART scopes and patient confinement on everything but /metadata.
    LocalTokenIssuer local = CDI.current().select(LocalTokenIssuer.class).get();
    registerInterceptor(
        new FhirAccessInterceptor(
            TokenVerifier.either(
                    TokenVerifier.fromConfig(ConfigProvider.getConfig()),
                    local.issuer(),
                    local.verifier())
                .cached(CDI.current().select(java.time.Clock.class).get())
                .checkedAgainst(CDI.current().select(Revocations.class).get()),
            getFhirContext(),
            CDI.current().select(CareTeams.class).get()::maySee));
    registerInterceptor(
        new VolumeLimitsInterceptor(
            ConfigProvider.getConfig().getValue("lumbra.fhir.max-bundle-entries", Integer.class),
            ConfigProvider.getConfig().getValue("lumbra.fhir.max-include-results", Integer.class)));
    registerInterceptor(keptOnRead());
    registerInterceptor(new FhirAuditInterceptor(CDI.current().select(AuditTrail.class).get()));
    registerInterceptor(
        new CapabilityStatementInterceptor(
            ConfigProvider.getConfig().getOptionalValue("lumbra.auth.token-url", String.class),
            ConfigProvider.getConfig()
                .getOptionalValue("lumbra.auth.authorize-url", String.class)));
    setServerConformanceProvider(new ServerCapabilityStatementProvider(this));
  }
}
