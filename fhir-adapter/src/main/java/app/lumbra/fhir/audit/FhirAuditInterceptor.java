package app.lumbra.fhir.audit;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.fhir.security.AccessToken;
import app.lumbra.fhir.security.FhirAccessInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Writes one audit record per FHIR request but {@code /metadata}, allowed or refused. A response is
 * recorded before it is sent (after the access checks), so a response that cannot be recorded is
 * not sent; refusals and failures are recorded when HAPI handles the exception.
 */
@Interceptor
public class FhirAuditInterceptor {

  private static final Logger LOG = Logger.getLogger(FhirAuditInterceptor.class.getName());
  private static final String RECORDED = FhirAuditInterceptor.class.getName() + ".recorded";

  /** After the access checks of {@link FhirAccessInterceptor} on the same pointcut. */
  private static final int LAST = 1000;

  private final AuditTrail trail;

  public FhirAuditInterceptor(AuditTrail trail) {
    this.trail = trail;
  }

  @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = LAST)
  public boolean beforeResponse(RequestDetails request, IBaseResource response) {
    recordOnce(request, AccessOutcome.ALLOWED, 200, null);
    return true;
  }

  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED_NORMALLY)
  public void completed(RequestDetails request) {
    recordOnce(
        request,
        AccessOutcome.ALLOWED,
        request.getRestOperationType() == RestOperationTypeEnum.CREATE ? 201 : 200,
        null);
  }

  @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
  public boolean failed(RequestDetails request, BaseServerResponseException exception) {
    int status = exception.getStatusCode();
    AccessOutcome outcome =
        status == 401 || status == 403 ? AccessOutcome.DENIED : AccessOutcome.FAILED;
    try {
      recordOnce(request, outcome, status, exception.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not record a refused or failed FHIR access in the audit", e);
    }
    return true;
  }

  private void recordOnce(
      RequestDetails request, AccessOutcome outcome, int status, String detail) {
    if (request == null
        || request.getRestOperationType() == RestOperationTypeEnum.METADATA
        || "metadata".equals(request.getRequestPath())
        || request.getUserData().containsKey(RECORDED)) {
      return;
    }
    request.getUserData().put(RECORDED, Boolean.TRUE);
    AccessToken token = FhirAccessInterceptor.token(request);
    trail.record(
        new RecordAccess(
            "FHIR",
            token == null ? "anonymous" : token.who(),
            action(request),
            what(request),
            patient(request, token),
            outcome,
            status,
            detail));
  }

  private static String action(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation == null) {
      return request.getRequestType() == null ? "unknown" : request.getRequestType().name();
    }
    if (operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE
        || operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
        || operation == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER) {
      return request.getOperation() == null ? operation.getCode() : request.getOperation();
    }
    return operation.getCode();
  }

  private static String what(RequestDetails request) {
    String method = request.getRequestType() == null ? "" : request.getRequestType().name() + " ";
    String query = request.getCompleteUrl();
    int at = query == null ? -1 : query.indexOf('?');
    return method + request.getRequestPath() + (at < 0 ? "" : query.substring(at));
  }

  private static String patient(RequestDetails request, AccessToken token) {
    if ("Patient".equals(request.getResourceName())
        && request.getId() != null
        && request.getId().hasIdPart()) {
      return request.getId().getIdPart();
    }
    for (String name : new String[] {"patient", "subject", "_id"}) {
      String[] values = request.getParameters().get(name);
      if (values != null && values.length == 1 && !values[0].isBlank()) {
        if ("_id".equals(name) && !"Patient".equals(request.getResourceName())) {
          continue;
        }
        String value = values[0];
        return value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
      }
    }
    return token == null ? null : token.patient();
  }
}
