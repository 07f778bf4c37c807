package app.lumbra.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * HAPI logs every exception an interceptor throws as SEVERE with its stack trace, including the
 * 401s and 403s of the access checks, which are expected, answered and audited. This filter on
 * HAPI's interceptor logger turns those client errors (4xx) into one INFO line without a stack
 * trace; anything else (a failing interceptor, a 5xx) is logged by HAPI as before.
 */
public final class RefusalLogging implements Filter {

  /** The logger HAPI's interceptor service logs through (SLF4J to java.util.logging). */
  static final String HAPI_INTERCEPTOR_LOGGER =
      "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";

  private static final Logger LOG = Logger.getLogger(RefusalLogging.class.getName());

  // Strong reference: java.util.logging keeps loggers weakly, and a collected logger loses its
  // filter.
  private static final Logger HAPI = Logger.getLogger(HAPI_INTERCEPTOR_LOGGER);

  private RefusalLogging() {}

  /** Installs the filter on HAPI's interceptor logger; idempotent. */
  public static void install() {
    if (!(HAPI.getFilter() instanceof RefusalLogging)) {
      HAPI.setFilter(new RefusalLogging());
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record.getThrown() instanceof BaseServerResponseException refusal
        && refusal.getStatusCode() >= 400
        && refusal.getStatusCode() < 500) {
      LOG.log(Level.INFO, () -> oneLine(refusal));
      return false;
    }
    return true;
  }

  static String oneLine(BaseServerResponseException refusal) {
    String message = refusal.getMessage() == null ? "" : refusal.getMessage();
    return "FHIR request refused with "
        + refusal.getStatusCode()
        + ": "
        + message.replaceAll("[\\r\\n]+", " ");
  }
}
