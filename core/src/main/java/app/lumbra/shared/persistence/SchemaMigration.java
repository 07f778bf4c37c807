package app.lumbra.shared.persistence;

import static app.lumbra.shared.StartupFailure.rootMessage;

import app.lumbra.shared.StartupFailure;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the current version before the application serves anything. The
 * schema is created and upgraded only by the versioned scripts in {@code db/migration} and the few
 * Java migrations in package {@code db.migration} that must differ between H2 and PostgreSQL; JPA
 * never generates tables. The web module runs it when it starts.
 */
public final class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  private SchemaMigration() {}

  /**
   * Applies every pending migration, or stops start-up with one line that says why it could not.
   */
  public static void migrateOrAbort(DataSource dataSource) {
    try {
      MigrateResult result = migrate(dataSource);
      LOG.info(
          () ->
              "Database schema ("
                  + result.database
                  + ") is at version "
                  + (result.targetSchemaVersion == null
                      ? result.initialSchemaVersion
                      : result.targetSchemaVersion)
                  + "; "
                  + result.migrationsExecuted
                  + " migrations applied now");
    } catch (FlywayException e) {
      throw StartupFailure.abort("the database schema could not be migrated: " + rootMessage(e));
    }
  }

  /** Applies every pending migration; also used by tests outside the container. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
