package app.lumbra.fhir.bulk;

import app.lumbra.fhir.security.AccessToken;
import app.lumbra.fhir.security.SmartScopes.Context;
import app.lumbra.fhir.security.SmartScopes.Interaction;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Who may export what: only {@code system/} scopes reach whole populations, so a bulk export needs
 * a {@code system/} scope allowing read on every type it holds; {@code patient/} and {@code user/}
 * tokens cannot export (they read their patients through searches).
 */
final class BulkAccess {

  private BulkAccess() {}

  /**
   * The types to export for {@code token}: the {@code requested} ones (every one allowed), or when
   * none are named, every exportable type the token may read.
   */
  static List<String> types(AccessToken token, Set<String> requested) {
    if (token == null) {
      throw forbidden("A bulk export needs a bearer token with system/ scopes");
    }
    for (String type : requested) {
      if (!PatientRecords.TYPES.contains(type)) {
        throw new InvalidValueException("_type", type, String.join(", ", PatientRecords.TYPES));
      }
    }
    Set<String> asked = requested.isEmpty() ? Set.copyOf(PatientRecords.TYPES) : requested;
    Set<String> allowed = new LinkedHashSet<>();
    for (String type : PatientRecords.TYPES) {
      if (!asked.contains(type)) {
        continue;
      }
      Optional<Context> context = token.scopes().allows(type, Interaction.READ);
      if (context.isPresent() && context.get() == Context.SYSTEM) {
        allowed.add(type);
      } else if (!requested.isEmpty()) {
        throw forbidden(
            context.isPresent()
                ? "A bulk export needs system/ scopes; the token's "
                    + context.get().name().toLowerCase(Locale.ROOT)
                    + "/ scope for "
                    + type
                    + " cannot export"
                : "The token's scopes do not allow exporting "
                    + type
                    + " (system/"
                    + type
                    + ".read or .rs)");
      }
    }
    if (allowed.isEmpty()) {
      throw forbidden(
          "A bulk export needs system/ scopes allowing read on one of "
              + String.join(", ", PatientRecords.TYPES));
    }
    return List.copyOf(allowed);
  }

  /** Who the job belongs to: the token's client, else its subject. */
  static String requester(AccessToken token) {
    return token.clientId() != null && !token.clientId().isBlank()
        ? token.clientId()
        : token.subject();
  }

  static ForbiddenOperationException forbidden(String message) {
    ForbiddenOperationException exception = new ForbiddenOperationException(message);
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(IssueType.FORBIDDEN)
        .setDiagnostics(message);
    exception.setOperationOutcome(outcome);
    return exception;
  }
}
