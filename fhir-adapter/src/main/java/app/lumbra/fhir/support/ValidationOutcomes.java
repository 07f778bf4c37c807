package app.lumbra.fhir.support;

import app.lumbra.fhir.server.ErrorTranslationInterceptor;
import app.lumbra.shared.DomainException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * {@code $validate}: the resource is checked as a write would check it (mapping, value ranges,
 * product rules) without storing anything; problems become issues of a 200 OperationOutcome.
 */
public final class ValidationOutcomes {

  private ValidationOutcomes() {}

  /** Runs {@code check}; its warnings (e.g. PLAN-1) become warning issues. */
  public static MethodOutcome of(Check check) {
    OperationOutcome outcome = new OperationOutcome();
    try {
      for (String warning : check.warnings()) {
        outcome
            .addIssue()
            .setSeverity(IssueSeverity.WARNING)
            .setCode(IssueType.BUSINESSRULE)
            .setDiagnostics(warning);
      }
    } catch (DomainException | BaseServerResponseException rejected) {
      BaseServerResponseException translated =
          ErrorTranslationInterceptor.translate(rejected, false);
      outcome.getIssue().addAll(((OperationOutcome) translated.getOperationOutcome()).getIssue());
    }
    if (outcome.getIssue().isEmpty()) {
      outcome
          .addIssue()
          .setSeverity(IssueSeverity.INFORMATION)
          .setCode(IssueType.INFORMATIONAL)
          .setDiagnostics("No issues: Lumbra would accept this resource");
    }
    MethodOutcome result = new MethodOutcome();
    result.setOperationOutcome(outcome);
    return result;
  }

  /** What a write of a resource Lumbra does not model would do (FHIR-1). */
  public static final String KEPT_AS_CONTEXT =
      "Not about low-back pain as Lumbra models it: it would be kept whole as the patient's"
          + " clinical context";

  /** Bean Validation of a command, as the application service would run it on a write. */
  public static List<String> valid(Validator validator, Object command) {
    var violations = validator.validate(command);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return List.of();
  }

  /** A dry-run check that returns the warnings a write would carry. */
  @FunctionalInterface
  public interface Check {
    List<String> warnings();
  }
}
