package app.lumbra.web.fhir;

import app.lumbra.fhir.server.FhirServerParts;
import app.lumbra.fhir.server.LumbraFhirServer;
import app.lumbra.fhir.server.PlainProvider;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.system.KeptOnRead;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/**
 * The FHIR R4 endpoint at {@code /fhir}, with every resource provider and system-level plain
 * provider (transaction / batch Bundles) the container knows.
 */
@WebServlet(urlPatterns = "/fhir/*", loadOnStartup = 1, asyncSupported = false)
public class FhirEndpoint extends LumbraFhirServer {
  private static final long serialVersionUID = 1L;

  @Inject transient Instance<IResourceProvider> providers;

  @Inject transient Instance<PlainProvider> plainProviders;

  @Inject transient KeptResources kept;

  @Inject transient FhirServerParts parts;

  @Override
  protected FhirServerParts parts() {
    return parts;
  }

  @Override
  protected Object keptOnRead() {
    return new KeptOnRead(kept);
  }

  @Override
  protected Iterable<IResourceProvider> resourceProviders() {
    return providers;
  }

  @Override
  protected Iterable<? extends PlainProvider> plainProviders() {
    return plainProviders;
  }
}
