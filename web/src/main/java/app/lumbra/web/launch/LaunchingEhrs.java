package app.lumbra.web.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The EHRs allowed to launch the portal, from MicroProfile Config: {@code lumbra.smart.ehrs} names
 * them (comma-separated), and for each name {@code lumbra.smart.ehr.NAME.issuer} (the {@code iss}
 * it launches with, its FHIR base URL), {@code .client-id} (Lumbra's client id there) and {@code
 * .user-claim} (the ID token claim whose value is the Lumbra user name; default {@code
 * preferred_username}). An {@code iss} not listed is refused: Lumbra never follows a launch to an
 * authorization server it was not told to trust.
 */
@ApplicationScoped
public class LaunchingEhrs {

  /** One EHR's launch settings. */
  public record Ehr(String name, String issuer, String clientId, String userClaim) {}

  private List<Ehr> ehrs;

  /** For the CDI proxy only. */
  protected LaunchingEhrs() {}

  @Inject
  public LaunchingEhrs(Config config) {
    List<Ehr> found = new ArrayList<>();
    for (String name :
        config.getOptionalValue("lumbra.smart.ehrs", String.class).orElse("").split(",")) {
      String ehr = name.strip();
      if (ehr.isEmpty()) {
        continue;
      }
      String prefix = "lumbra.smart.ehr." + ehr + ".";
      found.add(
          new Ehr(
              ehr,
              withoutSlash(config.getValue(prefix + "issuer", String.class)),
              config.getValue(prefix + "client-id", String.class),
              config
                  .getOptionalValue(prefix + "user-claim", String.class)
                  .orElse("preferred_username")));
    }
    this.ehrs = List.copyOf(found);
  }

  /** The EHR launching with {@code iss}, when it is one of the configured ones. */
  public Optional<Ehr> forIssuer(String iss) {
    if (iss == null) {
      return Optional.empty();
    }
    String wanted = withoutSlash(iss);
    return ehrs.stream().filter(ehr -> ehr.issuer().equals(wanted)).findFirst();
  }

  private static String withoutSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
