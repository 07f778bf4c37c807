package app.lumbra.shared.persistence;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the database is, read from configuration: {@code lumbra.db.url}, {@code lumbra.db.user},
 * {@code lumbra.db.password} (environment {@code LUMBRA_DB_URL}, {@code LUMBRA_DB_USER}, {@code
 * LUMBRA_DB_PASSWORD}). Without a URL Lumbra uses an embedded H2 database in a file under {@code
 * lumbra.data.dir} (default {@code ./data}), so data survives restarts.
 */
public record DatabaseSettings(Kind kind, String url, String user, String password) {

  /** The databases Lumbra's migrations are written and tested for. */
  public enum Kind {
    H2,
    POSTGRESQL
  }

  static final String EMBEDDED_USER = "lumbra";

  /**
   * Reads the settings through {@code lookup} (a MicroProfile Config lookup in production).
   *
   * @throws IllegalStateException with a one-line explanation when the settings are unusable
   */
  public static DatabaseSettings from(Function<String, Optional<String>> lookup) {
    Optional<String> url =
        lookup.apply("lumbra.db.url").map(String::trim).filter(s -> !s.isEmpty());
    if (url.isEmpty()) {
      Path dataDir =
          Path.of(lookup.apply("lumbra.data.dir").filter(s -> !s.isBlank()).orElse("data"))
              .toAbsolutePath()
              .normalize();
      String file = dataDir.resolve("h2").resolve("lumbra").toString();
      // WRITE_DELAY=0: a commit reaches the file before it is acknowledged. With H2's default
      // (500 ms) a kill -9 lost acknowledged FHIR transactions (KillDuringTransactionsIT).
      return new DatabaseSettings(
          Kind.H2,
          "jdbc:h2:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
          lookup.apply("lumbra.db.user").orElse(EMBEDDED_USER),
          lookup.apply("lumbra.db.password").orElse(EMBEDDED_USER));
    }
    String value = url.get();
    if (value.startsWith("jdbc:postgresql:")) {
      return new DatabaseSettings(
          Kind.POSTGRESQL,
          value,
          require(lookup, "lumbra.db.user", "LUMBRA_DB_USER", value),
          require(lookup, "lumbra.db.password", "LUMBRA_DB_PASSWORD", value));
    }
    if (value.startsWith("jdbc:h2:")) {
      return new DatabaseSettings(
          Kind.H2,
          value,
          lookup.apply("lumbra.db.user").orElse(EMBEDDED_USER),
          lookup.apply("lumbra.db.password").orElse(EMBEDDED_USER));
    }
    throw new IllegalStateException(
        "LUMBRA_DB_URL '"
            + value
            + "' is not supported: use jdbc:postgresql://HOST:PORT/DATABASE, jdbc:h2:FILE,"
            + " or leave it unset for the embedded H2 database");
  }

  private static String require(
      Function<String, Optional<String>> lookup, String key, String env, String url) {
    return lookup
        .apply(key)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    env + " is not set: PostgreSQL at " + url + " needs it (or set " + key + ")"));
  }

  @Override
  public String toString() {
    // Never print the password.
    return kind + " " + url + " as " + user;
  }
}
