package app.lumbra.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
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
    super(FhirContext.forR4Cached());
  }

  /** The resource providers to serve; called once when the servlet starts. */
  protected abstract Iterable<IResourceProvider> resourceProviders();

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
    setServerConformanceProvider(new ServerCapabilityStatementProvider(this));
  }
}
