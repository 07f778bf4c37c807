package app.lumbra.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** An unreachable database is a 503 with an OperationOutcome, never a 500. */
class DatabaseOutageTest {

  @Test
  void refusedConnectionIsServiceUnavailableWithRetryAfter() {
    BaseServerResponseException response =
        ErrorTranslationInterceptor.translate(
            new IllegalStateException(
                "query failed", new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")),
            false);

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getResponseHeaders()).containsKey("Retry-After");
    OperationOutcome outcome = (OperationOutcome) response.getOperationOutcome();
    assertThat(outcome.getIssueFirstRep().getCode())
        .isEqualTo(OperationOutcome.IssueType.TRANSIENT);
  }

  @Test
  void poolAllocationFailureAndAdminShutdownAreOutages() {
    assertThat(
            DatabaseOutage.causes(
                new RuntimeException(
                    new SQLException(
                        "Error in allocating a connection. Cause: Connection could not be"
                            + " allocated"))))
        .isTrue();
    assertThat(
            DatabaseOutage.causes(
                new SQLException("terminating connection due to administrator command", "57P01")))
        .isTrue();
    assertThat(DatabaseOutage.causes(new SQLTransientConnectionException("timeout"))).isTrue();
  }

  @Test
  void aCommitOnAConnectionTheDatabaseDroppedIsAnOutage() {
    Exception commit =
        new IllegalStateException(
            "encountered exception during commit",
            new XAException(
                "jakarta.resource.ResourceException: This Managed Connection is not valid as the"
                    + " physical connection is not usable"));
    assertThat(DatabaseOutage.causes(commit)).isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNotOutages() {
    assertThat(DatabaseOutage.causes(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(
            ErrorTranslationInterceptor.translate(new SQLException("syntax", "42601"), false)
                .getStatusCode())
        .isEqualTo(500);
  }
}
