package app.lumbra.fhir.server;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.careteam.application.CareTeams;
import app.lumbra.fhir.security.LocalTokenIssuer;
import app.lumbra.fhir.security.Revocations;
import app.lumbra.fhir.security.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * What the FHIR servlet is assembled from, injected once: the servlet itself is created by the
 * container's servlet machinery, so it receives its collaborators through this bean rather than
 * looking them up.
 */
@ApplicationScoped
public class FhirServerParts {

  private FhirSettings settings;
  private LocalTokenIssuer localIssuer;
  private Config config;
  private Clock clock;
  private CareTeams careTeams;
  private AuditTrail auditTrail;
  private Revocations revocations;

  /** For the CDI proxy only. */
  protected FhirServerParts() {}

  @Inject
  public FhirServerParts(
      FhirSettings settings,
      LocalTokenIssuer localIssuer,
      Config config,
      Clock clock,
      CareTeams careTeams,
      AuditTrail auditTrail,
      Revocations revocations) {
    this.settings = settings;
    this.localIssuer = localIssuer;
    this.config = config;
    this.clock = clock;
    this.careTeams = careTeams;
    this.auditTrail = auditTrail;
    this.revocations = revocations;
  }

  public FhirSettings settings() {
    return settings;
  }

  /**
   * Lumbra's own tokens, and those of the issuer configured in {@code lumbra.auth.*}, if any; a
   * token remembered as valid is still refused once its client or account is revoked on any
   * instance.
   */
  public TokenVerifier tokenVerifier() {
    return TokenVerifier.either(
            TokenVerifier.fromConfig(config), localIssuer.issuer(), localIssuer.verifier())
        .cached(clock)
        .checkedAgainst(revocations);
  }

  public CareTeams careTeams() {
    return careTeams;
  }

  public AuditTrail auditTrail() {
    return auditTrail;
  }

  public Optional<String> tokenUrl() {
    return config.getOptionalValue("lumbra.auth.token-url", String.class);
  }

  public Optional<String> authorizeUrl() {
    return config.getOptionalValue("lumbra.auth.authorize-url", String.class);
  }
}
