package app.lumbra.fhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A transaction or batch Bundle may hold at most {@code lumbra.fhir.max-bundle-entries} entries,
 * and a search page at most {@code lumbra.fhir.max-include-results} resources added by {@code
 * _include} / {@code _revinclude} (400 with an OperationOutcome telling the client to narrow the
 * request).
 */
@Interceptor
public class VolumeLimitsInterceptor {

  private final int maxBundleEntries;
  private final int maxIncluded;

  public VolumeLimitsInterceptor(int maxBundleEntries, int maxIncluded) {
    this.maxBundleEntries = maxBundleEntries;
    this.maxIncluded = maxIncluded;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void limitBundle(RequestDetails request, RestOperationTypeEnum operation) {
    if ((operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH)
        && request.getResource() instanceof Bundle bundle
        && bundle.getEntry().size() > maxBundleEntries) {
      throw tooMuch(
          "The Bundle has "
              + bundle.getEntry().size()
              + " entries; at most "
              + maxBundleEntries
              + " are accepted in one request");
    }
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean limitIncludes(RequestDetails request, IBaseResource response) {
    if (response instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.SEARCHSET) {
      long included =
          bundle.getEntry().stream()
              .filter(e -> e.getSearch().getMode() == SearchEntryMode.INCLUDE)
              .count();
      if (included > maxIncluded) {
        throw tooMuch(
            "The search would include "
                + included
                + " resources through _include / _revinclude; at most "
                + maxIncluded
                + " are returned: use a smaller _count or fewer includes");
      }
    }
    return true;
  }

  private static InvalidRequestException tooMuch(String message) {
    InvalidRequestException exception = new InvalidRequestException(message);
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.TOOCOSTLY)
        .setDiagnostics(message);
    exception.setOperationOutcome(outcome);
    return exception;
  }
}
