package app.lumbra.testsupport;

import app.lumbra.shared.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, fully migrated database with Lumbra's persistence unit on top, outside any container.
 *
 * <p>Runs every Flyway migration in {@code db/migration} and opens the {@value
 * Database#PERSISTENCE_UNIT} unit from the production {@code persistence.xml} as RESOURCE_LOCAL, so
 * the tests see exactly the mappings and the schema the application uses; entity classes are found
 * by scanning, none is listed here.
 *
 * <p>{@link Kind#H2} is an in-memory H2 database that always works. {@link Kind#POSTGRESQL} uses
 * the server named by env {@code LUMBRA_TEST_PG_URL} (with {@code LUMBRA_TEST_PG_USER} and {@code
 * LUMBRA_TEST_PG_PASSWORD}) and a schema of its own that is dropped on {@link #close()}; without
 * that variable the calling test is skipped with a message saying so.
 *
 * <p>Typical use: {@code @ParameterizedTest @EnumSource(JpaTestDatabase.Kind.class)} and {@code try
 * (var db = JpaTestDatabase.start(kind)) { ... }}.
 */
public final class JpaTestDatabase implements AutoCloseable {

  /** The databases Lumbra supports. */
  public enum Kind {
    H2,
    POSTGRESQL
  }

  public static final String PG_URL = "LUMBRA_TEST_PG_URL";
  public static final String PG_USER = "LUMBRA_TEST_PG_USER";
  public static final String PG_PASSWORD = "LUMBRA_TEST_PG_PASSWORD";

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;
  private final String schema;
  private final EntityManagerFactory entityManagerFactory;
  private final List<EntityManager> openedEntityManagers = new ArrayList<>();

  /** Rows written straight through JDBC between two steps of the migrations. */
  @FunctionalInterface
  public interface Seed {
    void write(Connection connection) throws SQLException;
  }

  /** Where the migrations pause for a {@link Seed}; none pauses them. */
  private record Pause(String lastVersionBefore, Seed seed) {}

  private JpaTestDatabase(
      Kind kind, String url, String user, String password, String schema, Pause pause) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = schema;
    if (pause != null) {
      flyway().target(pause.lastVersionBefore()).load().migrate();
      try (Connection connection = DriverManager.getConnection(url, user, password)) {
        pause.seed().write(connection);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot seed the database", e);
      }
    }
    flyway().load().migrate();
    this.entityManagerFactory =
        Persistence.createEntityManagerFactory(Database.PERSISTENCE_UNIT, overrides());
  }

  private FluentConfiguration flyway() {
    return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
  }

  /** A new empty, migrated database of this kind; skips the calling test when it is unavailable. */
  public static JpaTestDatabase start(Kind kind) {
    return start(kind, null);
  }

  /**
   * A new database of this kind migrated up to {@code lastVersionBefore}, then given the rows of
   * {@code seed}, then migrated to the end: to test that a migration keeps existing data.
   */
  public static JpaTestDatabase startWithDataAt(Kind kind, String lastVersionBefore, Seed seed) {
    return start(kind, new Pause(lastVersionBefore, seed));
  }

  private static JpaTestDatabase start(Kind kind, Pause pause) {
    return switch (kind) {
      case H2 -> h2(pause);
      case POSTGRESQL -> postgresql(pause);
    };
  }

  /** A new in-memory H2 database, private to the caller. */
  public static JpaTestDatabase h2() {
    return h2(null);
  }

  private static JpaTestDatabase h2(Pause pause) {
    String name = "lumbra_" + UUID.randomUUID().toString().replace("-", "");
    return new JpaTestDatabase(
        Kind.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", null, pause);
  }

  /**
   * A new schema on the PostgreSQL server named by {@value #PG_URL}; skips the calling test when
   * the variable is not set.
   */
  public static JpaTestDatabase postgresql() {
    return postgresql(null);
  }

  private static JpaTestDatabase postgresql(Pause pause) {
    String serverUrl = System.getenv(PG_URL);
    Assumptions.assumeTrue(
        serverUrl != null && !serverUrl.isBlank(),
        "PostgreSQL tests skipped: set "
            + PG_URL
            + " (e.g. jdbc:postgresql://localhost:5432/lumbra_test), "
            + PG_USER
            + " and "
            + PG_PASSWORD
            + " to run them");
    String user = System.getenv().getOrDefault(PG_USER, "postgres");
    String password = System.getenv().getOrDefault(PG_PASSWORD, "");
    String schema = "lumbra_test_" + UUID.randomUUID().toString().replace("-", "");
    execute(serverUrl, user, password, "CREATE SCHEMA " + schema);
    String separator = serverUrl.contains("?") ? "&" : "?";
    return new JpaTestDatabase(
        Kind.POSTGRESQL,
        serverUrl + separator + "currentSchema=" + schema,
        user,
        password,
        schema,
        pause);
  }

  private Map<String, Object> overrides() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", "");
    properties.put("jakarta.persistence.jdbc.url", url);
    properties.put("jakarta.persistence.jdbc.user", user);
    properties.put("jakarta.persistence.jdbc.password", password);
    properties.put(
        "jakarta.persistence.jdbc.driver",
        kind == Kind.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
    properties.put("eclipselink.target-server", "None");
    // Each test database is new; a shared cache across factories would only hide mapping errors.
    properties.put("eclipselink.cache.shared.default", "false");
    return properties;
  }

  public Kind kind() {
    return kind;
  }

  public EntityManagerFactory entityManagerFactory() {
    return entityManagerFactory;
  }

  /** A new entity manager, closed with this database. */
  public EntityManager entityManager() {
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    openedEntityManagers.add(entityManager);
    return entityManager;
  }

  /**
   * Runs {@code work} in one transaction of {@code entityManager}: commits when it returns, rolls
   * back when it throws. Afterwards the persistence context is cleared, as a container's
   * transaction-scoped one would be, so the next transaction reads from the database.
   */
  public <T> T inTransaction(EntityManager entityManager, Supplier<T> work) {
    EntityTransaction transaction = entityManager.getTransaction();
    transaction.begin();
    try {
      T result = work.get();
      transaction.commit();
      return result;
    } finally {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      entityManager.clear();
    }
  }

  /** {@link #inTransaction(EntityManager, Supplier)} for work without a result. */
  public void inTransaction(EntityManager entityManager, Runnable work) {
    inTransaction(
        entityManager,
        () -> {
          work.run();
          return null;
        });
  }

  /** A new JDBC connection to this database, for the caller to close. */
  public Connection connection() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Counts the rows of a table straight through JDBC, to prove what was (not) stored. */
  public long countRows(String table) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count rows of " + table, e);
    }
  }

  @Override
  public void close() {
    openedEntityManagers.stream().filter(EntityManager::isOpen).forEach(EntityManager::close);
    entityManagerFactory.close();
    if (kind == Kind.H2) {
      execute(url, user, password, "SHUTDOWN");
    } else {
      execute(System.getenv(PG_URL), user, password, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot run " + sql.toLowerCase(Locale.ROOT) + " on " + url, e);
    }
  }
}
