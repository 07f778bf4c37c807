package app.lumbra.fhir.server;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;

/**
 * Recognises a failure caused by the database being unreachable (down, restarting, or refusing
 * connections), so that it is answered with 503 and the client retries, rather than a 500 that says
 * the server is broken. Recognised by the JDBC connection error classes and SQL states (class 08
 * connection exception, 57P01..57P03 shutdown / cannot connect now) and by the connection pool's
 * allocation failure.
 */
final class DatabaseOutage {
  private static final List<String> OUTAGE_MESSAGES =
      List.of(
          "error in allocating a connection",
          "connection could not be allocated",
          "localtransactionexception",
          "terminating connection due to administrator command",
          "the database system is shutting down",
          "the database system is starting up",
          "an i/o error occurred while sending to the backend",
          // A commit on a pooled connection whose server went away (seen in PostgresRestartIT).
          "the physical connection is not usable");

  private DatabaseOutage() {}

  static boolean causes(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && connectionState(sql.getSQLState())) {
        return true;
      }
      if (isPoolAllocationFailure(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean connectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  /**
   * Payara's pool says "Error in allocating a connection" when no connection can be made; a commit
   * on a connection the database closed arrives as an XAException whose message (not cause) names
   * the resource adapter's LocalTransactionException and the server's reason.
   */
  private static boolean isPoolAllocationFailure(Throwable cause) {
    String name = cause.getClass().getName();
    String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
    return name.startsWith("jakarta.resource.")
        || OUTAGE_MESSAGES.stream().anyMatch(message::contains);
  }
}
