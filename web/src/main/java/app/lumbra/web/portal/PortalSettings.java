package app.lumbra.web.portal;

import app.lumbra.progress.domain.ProgressThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Portal configuration in one application-scoped bean, so that view-scoped (passivating) beans can
 * depend on it: the clinic's usual identifier system ({@code lumbra.portal.identifier-system}) and
 * the PROG-2 thresholds for the pain chart's band.
 */
@ApplicationScoped
public class PortalSettings {

  @Inject
  @ConfigProperty(name = "lumbra.portal.identifier-system", defaultValue = "urn:lumbra:mrn")
  String identifierSystem;

  @Inject ProgressThresholds thresholds;

  public String identifierSystem() {
    return identifierSystem;
  }

  public ProgressThresholds thresholds() {
    return thresholds;
  }
}
