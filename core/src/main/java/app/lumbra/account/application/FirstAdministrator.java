package app.lumbra.account.application;

import app.lumbra.account.domain.Role;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.SchemaReady;
import app.lumbra.shared.StartupFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Makes sure the portal has an administrator once the schema is migrated. When none exists, the
 * first one comes from configuration: {@code lumbra.admin.username} and {@code
 * lumbra.admin.password} (environment {@code LUMBRA_ADMIN_USERNAME}, {@code
 * LUMBRA_ADMIN_PASSWORD}). When those are not set, an administrator {@code admin} is created with a
 * random one-time password that is written once to the server log, so that nobody can sign in with
 * a well-known default password (the same approach as Jenkins' initial admin password).
 */
@ApplicationScoped
public class FirstAdministrator {
  private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
  static final String DEFAULT_USERNAME = "admin";

  @Inject AccountService accounts;
  @Inject Config config;

  void onStart(@Observes SchemaReady schemaReady) {
    if (accounts.hasAdministrator()) {
      return;
    }
    Optional<String> username = setting("lumbra.admin.username");
    Optional<String> password = setting("lumbra.admin.password");
    if (username.isPresent() && password.isPresent()) {
      try {
        if (!openFirst(administrator(username.get(), password.get().toCharArray()), false)) {
          return;
        }
      } catch (InvalidValueException e) {
        throw StartupFailure.abort(
            "the first administrator from LUMBRA_ADMIN_USERNAME / LUMBRA_ADMIN_PASSWORD is not"
                + " valid: "
                + e.getMessage());
      }
      LOG.info(() -> "Created the first administrator '" + username.get() + "' from configuration");
      return;
    }
    if (username.isPresent() || password.isPresent()) {
      throw StartupFailure.abort(
          "set both LUMBRA_ADMIN_USERNAME and LUMBRA_ADMIN_PASSWORD (or neither) for the first"
              + " administrator");
    }
    String generated = randomPassword();
    if (!openFirst(administrator(DEFAULT_USERNAME, generated.toCharArray()), true)) {
      return;
    }
    LOG.log(
        Level.WARNING,
        "No administrator was configured, so one was created: user name ''{0}'', one-time password"
            + " ''{1}''. Sign in to the portal at /portal/ and keep it safe; to choose the first"
            + " administrator yourself, start a new database with LUMBRA_ADMIN_USERNAME and"
            + " LUMBRA_ADMIN_PASSWORD set.",
        new Object[] {DEFAULT_USERNAME, generated});
  }

  /**
   * Opens the first administrator; false when another instance of a cluster, starting at the same
   * moment on the same database, opened one first (its insert wins the unique user name). A
   * generated password is one-time: the administrator chooses their own at the first sign-in.
   */
  private boolean openFirst(OpenAccount administrator, boolean generated) {
    try {
      if (generated) {
        accounts.openWithOneTimePassword(administrator);
      } else {
        accounts.open(administrator);
      }
      return true;
    } catch (InvalidValueException invalid) {
      throw invalid;
    } catch (RuntimeException failed) {
      if (accounts.hasAdministrator()) {
        LOG.info("Another instance created the first administrator at the same time");
        return false;
      }
      throw failed;
    }
  }

  private Optional<String> setting(String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static OpenAccount administrator(String username, char[] password) {
    return new OpenAccount(username, "Administrator", password, Set.of(Role.ADMIN), null);
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
