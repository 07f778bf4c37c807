package app.lumbra.web.fhir;

import app.lumbra.fhir.server.LumbraFhirServer;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/** The FHIR R4 endpoint at {@code /fhir}, with every resource provider the container knows. */
@WebServlet(urlPatterns = "/fhir/*", loadOnStartup = 1, asyncSupported = false)
public class FhirEndpoint extends LumbraFhirServer {
  private static final long serialVersionUID = 1L;

  @Inject transient Instance<IResourceProvider> providers;

  @Override
  protected Iterable<IResourceProvider> resourceProviders() {
    return providers;
  }
}
