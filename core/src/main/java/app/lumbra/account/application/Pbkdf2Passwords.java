package app.lumbra.account.application;

import app.lumbra.account.domain.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Passwords hashed with the container's Jakarta Security {@link Pbkdf2PasswordHash}: PBKDF2 with
 * HMAC-SHA-512, a 32-byte random salt and {@code lumbra.security.pbkdf2-iterations} iterations
 * (default 210,000, the OWASP 2023 figure for this algorithm). The stored text names algorithm and
 * iterations, so hashes made with other settings still verify.
 */
@ApplicationScoped
public class Pbkdf2Passwords implements PasswordHasher {

  @Inject Pbkdf2PasswordHash hash;

  @Inject
  @ConfigProperty(name = "lumbra.security.pbkdf2-iterations", defaultValue = "210000")
  int iterations;

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
  }

  @Override
  public String hash(char[] password) {
    return hash.generate(password);
  }

  @Override
  public boolean matches(char[] password, String storedHash) {
    return hash.verify(password, storedHash);
  }
}
