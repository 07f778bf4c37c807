package app.lumbra.fhir.bulk;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** A poll of a failed export: 500 with an OperationOutcome saying why, as Bulk Data asks. */
final class ExportFailedException extends BaseServerResponseException {
  private static final long serialVersionUID = 1L;

  ExportFailedException(String reason) {
    // Not HAPI's InternalErrorException: the error translation hides that one's message.
    super(500, reason);
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(IssueType.EXCEPTION)
        .setDiagnostics(reason);
    setOperationOutcome(outcome);
  }
}
