package app.lumbra.shared.persistence;

import static app.lumbra.shared.persistence.StartupFailure.rootMessage;

import app.lumbra.shared.Database;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the current version before the application serves anything. The
 * schema is created and upgraded only by the versioned scripts in {@code db/migration}; JPA never
 * generates tables. A start-up singleton rather than a CDI start-up observer, because the data
 * source is bound in JNDI only once the module's components are created.
 */
@Startup
@Singleton
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = Database.DATA_SOURCE)
  private DataSource dataSource;

  // Flyway commits each migration itself, so it must run outside a container transaction.
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onStart() {
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
