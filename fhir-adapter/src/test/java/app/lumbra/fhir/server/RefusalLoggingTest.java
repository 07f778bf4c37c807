package app.lumbra.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals thrown by the access checks are one INFO line, never a SEVERE stack trace. */
class RefusalLoggingTest {

  private final Logger hapi = Logger.getLogger(RefusalLogging.HAPI_INTERCEPTOR_LOGGER);
  private final Logger lumbra = Logger.getLogger(RefusalLogging.class.getName());
  private final List<LogRecord> fromHapi = new ArrayList<>();
  private final List<LogRecord> fromLumbra = new ArrayList<>();
  private final Handler hapiHandler = collecting(fromHapi);
  private final Handler lumbraHandler = collecting(fromLumbra);

  @BeforeEach
  void listen() {
    RefusalLogging.install();
    hapi.setUseParentHandlers(false);
    hapi.addHandler(hapiHandler);
    lumbra.setUseParentHandlers(false);
    lumbra.addHandler(lumbraHandler);
  }

  @AfterEach
  void stopListening() {
    hapi.removeHandler(hapiHandler);
    hapi.setUseParentHandlers(true);
    lumbra.removeHandler(lumbraHandler);
    lumbra.setUseParentHandlers(true);
  }

  @Test
  void aForbiddenOrUnauthorizedRefusalIsOneInfoLineWithoutStackTrace() {
    hapi.log(
        Level.SEVERE,
        "Exception thrown by interceptor",
        new ForbiddenOperationException("The token is confined to patient 7"));
    hapi.log(
        Level.SEVERE,
        "Exception thrown by interceptor",
        new UnclassifiedServerFailureException(401, "The bearer token was refused:\nexpired"));

    assertThat(fromHapi).isEmpty();
    assertThat(fromLumbra).hasSize(2);
    assertThat(fromLumbra).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO));
    assertThat(fromLumbra).allSatisfy(r -> assertThat(r.getThrown()).isNull());
    assertThat(fromLumbra)
        .extracting(LogRecord::getMessage)
        .containsExactly(
            "FHIR request refused with 403: The token is confined to patient 7",
            "FHIR request refused with 401: The bearer token was refused: expired");
  }

  @Test
  void realFailuresKeepTheirSevereLogAndStackTrace() {
    hapi.log(Level.SEVERE, "Exception thrown by interceptor", new InternalErrorException("boom"));
    hapi.log(Level.SEVERE, "Exception thrown by interceptor", new IllegalStateException("bug"));

    assertThat(fromHapi).hasSize(2);
    assertThat(fromHapi).allSatisfy(r -> assertThat(r.getThrown()).isNotNull());
    assertThat(fromLumbra).isEmpty();
  }

  private static Handler collecting(List<LogRecord> records) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {
        // nothing buffered
      }

      @Override
      public void close() {
        // nothing to release
      }
    };
  }
}
