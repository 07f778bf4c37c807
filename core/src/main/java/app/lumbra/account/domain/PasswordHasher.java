package app.lumbra.account.domain;

/** Port: turns passwords into stored hashes and checks them (PBKDF2 or stronger). */
public interface PasswordHasher {

  /** A salted hash of {@code password} in a self-describing text format. */
  String hash(char[] password);

  /** Whether {@code password} is the one {@code storedHash} was made from. */
  boolean matches(char[] password, String storedHash);
}
