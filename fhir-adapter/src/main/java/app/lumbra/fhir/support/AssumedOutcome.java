package app.lumbra.fhir.support;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What a write took for what the partner did not say, told in the answer's OperationOutcome as
 * informational issues ("Assumed: ...") beside the resource written.
 */
public final class AssumedOutcome {

  private AssumedOutcome() {}

  /** The OperationOutcome listing {@code assumed}, or null when nothing was assumed. */
  public static OperationOutcome of(List<String> assumed) {
    if (assumed.isEmpty()) {
      return null;
    }
    OperationOutcome outcome = new OperationOutcome();
    for (String assumption : assumed) {
      outcome
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
          .setCode(OperationOutcome.IssueType.INFORMATIONAL)
          .setDiagnostics("Assumed: " + assumption);
    }
    return outcome;
  }
}
