package app.lumbra.ehrlaunch.application;

import app.lumbra.ehrlaunch.domain.ConfiguredEhr;
import app.lumbra.ehrlaunch.domain.ConfiguredEhrs;
import app.lumbra.ehrlaunch.domain.LaunchingEhr;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The EHRs named in MicroProfile Config: {@code lumbra.smart.ehrs} names them (comma-separated),
 * and for each name {@code lumbra.smart.ehr.NAME.issuer} (the {@code iss} it launches with, its
 * FHIR base URL), {@code .client-id} (Lumbra's client id there) and {@code .user-claim} (the ID
 * token claim whose value is the Lumbra user name; default {@code preferred_username}).
 */
@ApplicationScoped
public class ConfiguredEhrsProducer {

  @Inject Config config;

  // Dependent, not application-scoped: a record is final and cannot be proxied.
  @Produces
  ConfiguredEhrs configured() {
    List<ConfiguredEhr> found = new ArrayList<>();
    for (String name :
        config.getOptionalValue("lumbra.smart.ehrs", String.class).orElse("").split(",")) {
      String ehr = name.strip();
      if (ehr.isEmpty()) {
        continue;
      }
      String prefix = "lumbra.smart.ehr." + ehr + ".";
      found.add(
          new ConfiguredEhr(
              ehr,
              LaunchingEhr.withoutSlash(config.getValue(prefix + "issuer", String.class).strip()),
              config.getValue(prefix + "client-id", String.class),
              config
                  .getOptionalValue(prefix + "user-claim", String.class)
                  .orElse(LaunchingEhr.DEFAULT_USER_CLAIM)));
    }
    return new ConfiguredEhrs(found);
  }
}
