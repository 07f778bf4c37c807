package app.lumbra.web.config;

import app.lumbra.shared.Database;
import app.lumbra.shared.SchemaReady;
import app.lumbra.shared.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import javax.sql.DataSource;

/**
 * Migrates the schema as the web module starts, before any servlet serves a request, then fires
 * {@link SchemaReady} for start-up work that needs the database. A listener of the web module, so
 * it runs the same way in the WAR on Payara Micro and in the EAR on a full server (where the core
 * jar is a library, in which no start-up EJB would be deployed).
 */
@WebListener
public class SchemaMigrationListener implements ServletContextListener {

  @Resource(lookup = Database.DATA_SOURCE)
  private DataSource dataSource;

  @Inject Event<SchemaReady> schemaReady;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SchemaMigration.migrateOrAbort(dataSource);
    schemaReady.fire(new SchemaReady());
  }
}
