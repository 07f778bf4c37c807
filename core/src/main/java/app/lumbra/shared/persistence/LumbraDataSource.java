package app.lumbra.shared.persistence;

import app.lumbra.shared.StartupFailure;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The vendor data source behind Lumbra's pooled {@code java:app/jdbc/lumbra}, chosen from {@link
 * DatabaseSettings}: PostgreSQL when {@code LUMBRA_DB_URL} says so, else embedded H2. The container
 * creates it reflectively and pools its connections; configuration errors surface as one clear
 * {@link SQLException} message on the first connection.
 */
public class LumbraDataSource implements DataSource {
  private volatile DataSource delegate;
  private volatile String problem;
  private volatile boolean everConnected;
  private int loginTimeoutSeconds = 10;

  private DataSource delegate() throws SQLException {
    DataSource current = delegate;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (delegate == null && problem == null) {
        try {
          delegate = create(settings());
        } catch (IllegalStateException e) {
          problem = e.getMessage();
        }
      }
      if (problem != null) {
        throw new SQLException(problem);
      }
      return delegate;
    }
  }

  private static DatabaseSettings settings() {
    Config config = ConfigProvider.getConfig(LumbraDataSource.class.getClassLoader());
    return DatabaseSettings.from(key -> config.getOptionalValue(key, String.class));
  }

  private DataSource create(DatabaseSettings settings) {
    switch (settings.kind()) {
      case POSTGRESQL:
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(settings.url());
        pg.setUser(settings.user());
        pg.setPassword(settings.password());
        pg.setConnectTimeout(loginTimeoutSeconds);
        pg.setLoginTimeout(loginTimeoutSeconds);
        pg.setApplicationName("lumbra");
        return pg;
      case H2:
      default:
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.url());
        h2.setUser(settings.user());
        h2.setPassword(settings.password());
        return h2;
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      Connection connection = delegate().getConnection();
      everConnected = true;
      return connection;
    } catch (SQLException e) {
      if (!everConnected) {
        // The first connection is made while the application deploys: an unreachable or
        // misconfigured database must stop start-up with one clear line, not a stack trace.
        throw StartupFailure.abort(
            problem != null
                ? problem
                : "cannot connect to the database at "
                    + settings().url()
                    + ": "
                    + e.getMessage()
                    + " Check LUMBRA_DB_URL, LUMBRA_DB_USER and LUMBRA_DB_PASSWORD"
                    + " (unset LUMBRA_DB_URL to use the embedded H2 database).");
      }
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    // The pool may pass the (empty) user of the resource definition: credentials come from config.
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Logging goes through java.util.logging.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    if (seconds > 0) {
      loginTimeoutSeconds = seconds;
    }
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("java.util.logging is not used by this data source");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return delegate().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate().isWrapperFor(type);
  }
}
