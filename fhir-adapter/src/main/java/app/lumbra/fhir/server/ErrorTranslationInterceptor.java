package app.lumbra.fhir.server;

import app.lumbra.shared.AmbiguousMatchException;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * FHIR-4: the one place where failures become OperationOutcomes with the right HTTP status. Domain
 * errors keep their message (it names the field, the allowed values or the rule id); anything
 * unexpected is logged here with a reference and answered with that reference only, never a stack
 * trace or server detail.
 */
@Interceptor
public class ErrorTranslationInterceptor {

  private static final int SERVICE_UNAVAILABLE = 503;

  private static final Logger LOG = Logger.getLogger(ErrorTranslationInterceptor.class.getName());

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException translate(RequestDetails request, Throwable thrown) {
    boolean ifMatch = request != null && request.getHeader(Constants.HEADER_IF_MATCH) != null;
    return translate(thrown, ifMatch);
  }

  /** The response for {@code thrown}; {@code ifMatch} says whether the client sent If-Match. */
  public static BaseServerResponseException translate(Throwable thrown, boolean ifMatch) {
    if (DatabaseOutage.causes(thrown)) {
      return databaseUnavailable(thrown);
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      BaseServerResponseException translated = known(cause, ifMatch);
      if (translated != null) {
        return translated;
      }
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, thrown);
    InternalErrorException internal =
        new InternalErrorException("Internal error; reference " + reference);
    internal.setOperationOutcome(outcome(IssueType.EXCEPTION, internal.getMessage(), null, null));
    return internal;
  }

  private static BaseServerResponseException known(Throwable cause, boolean ifMatch) {
    if (cause instanceof InvalidValueException invalid) {
      return with(
          new InvalidRequestException(invalid.getMessage()),
          IssueType.VALUE,
          invalid.field(),
          null);
    }
    if (cause instanceof RuleViolationException rule) {
      IssueType type =
          "FHIR-1".equals(rule.ruleId()) ? IssueType.NOTSUPPORTED : IssueType.BUSINESSRULE;
      return with(
          new UnprocessableEntityException(rule.getMessage()), type, rule.field(), rule.ruleId());
    }
    if (cause instanceof NotFoundException missing) {
      return with(
          new ResourceNotFoundException(missing.getMessage()), IssueType.NOTFOUND, null, null);
    }
    if (cause instanceof VersionConflictException conflict) {
      return conflict(conflict.getMessage(), ifMatch);
    }
    if (cause instanceof AmbiguousMatchException ambiguous) {
      return with(
          new PreconditionFailedException(ambiguous.getMessage()),
          IssueType.MULTIPLEMATCHES,
          null,
          null);
    }
    if (cause instanceof IdInUseException taken) {
      // FHIR-8: a create under an id another record already has.
      return with(
          new ResourceVersionConflictException(taken.getMessage()),
          IssueType.DUPLICATE,
          null,
          null);
    }
    if (cause instanceof ConstraintViolationException violations) {
      String message =
          violations.getConstraintViolations().stream()
              .map(ErrorTranslationInterceptor::describe)
              .sorted()
              .collect(Collectors.joining("; "));
      return with(new InvalidRequestException(message), IssueType.INVALID, null, null);
    }
    if (cause instanceof DataFormatException malformed) {
      return with(
          new InvalidRequestException("Malformed resource: " + malformed.getMessage()),
          IssueType.STRUCTURE,
          null,
          null);
    }
    if (cause instanceof InternalErrorException) {
      // HAPI wraps unexpected failures in this; look further for the reason, else hide it.
      return null;
    }
    if (cause instanceof BaseServerResponseException response) {
      if (response.getOperationOutcome() == null) {
        IssueType type =
            response.getStatusCode() == 404 ? IssueType.NOTFOUND : IssueType.PROCESSING;
        response.setOperationOutcome(outcome(type, response.getMessage(), null, null));
      }
      return response;
    }
    return null;
  }

  /** 503: the database cannot be reached right now; the client should retry shortly. */
  private static BaseServerResponseException databaseUnavailable(Throwable thrown) {
    LOG.log(Level.WARNING, "Database unavailable: {0}", rootMessage(thrown));
    UnclassifiedServerFailureException unavailable =
        new UnclassifiedServerFailureException(
            SERVICE_UNAVAILABLE, "The database is unavailable at the moment; retry shortly.");
    unavailable.addResponseHeader("Retry-After", "5");
    unavailable.setOperationOutcome(
        outcome(IssueType.TRANSIENT, unavailable.getMessage(), null, null));
    return unavailable;
  }

  private static String rootMessage(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getName() + ": " + root.getMessage();
  }

  private static String describe(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    int dot = path.indexOf('.', path.indexOf('.') + 1);
    return (dot > 0 ? path.substring(dot + 1) : path) + ": " + violation.getMessage();
  }

  private static BaseServerResponseException conflict(String message, boolean ifMatch) {
    BaseServerResponseException exception =
        ifMatch
            ? new PreconditionFailedException(message)
            : new ResourceVersionConflictException(message);
    return with(exception, IssueType.CONFLICT, null, null);
  }

  private static BaseServerResponseException with(
      BaseServerResponseException exception, IssueType type, String field, String ruleId) {
    exception.setOperationOutcome(outcome(type, exception.getMessage(), field, ruleId));
    return exception;
  }

  static OperationOutcome outcome(IssueType type, String message, String field, String ruleId) {
    OperationOutcome outcome = new OperationOutcome();
    OperationOutcome.OperationOutcomeIssueComponent issue =
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
    if (field != null) {
      issue.addExpression(field);
    }
    if (ruleId != null) {
      issue.setDetails(new CodeableConcept().setText(ruleId));
    }
    return outcome;
  }
}
