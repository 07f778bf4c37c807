package app.lumbra.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * FHIR-4: refuses request bodies the server will not read before HAPI parses them: larger than the
 * configured limit (413; HAPI's parser has no cap of its own) or in a format other than FHIR JSON /
 * XML (415).
 */
@Interceptor
public class RequestLimitsInterceptor {

  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
  private static final int UNSUPPORTED_MEDIA_TYPE = 415;

  private final long maxBodyBytes;

  public RequestLimitsInterceptor(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
  public boolean check(HttpServletRequest request, HttpServletResponse response) {
    if (!BODY_METHODS.contains(request.getMethod())) {
      return true;
    }
    long length = request.getContentLengthLong();
    if (length > maxBodyBytes) {
      PayloadTooLargeException tooLarge =
          new PayloadTooLargeException(
              "The request body has "
                  + length
                  + " bytes; at most "
                  + maxBodyBytes
                  + " are accepted");
      tooLarge.setOperationOutcome(
          ErrorTranslationInterceptor.outcome(
              IssueType.TOOCOSTLY, tooLarge.getMessage(), null, null));
      throw tooLarge;
    }
    String contentType = request.getContentType();
    if (contentType != null && length != 0 && !acceptable(contentType)) {
      UnclassifiedServerFailureException unsupported =
          new UnclassifiedServerFailureException(
              UNSUPPORTED_MEDIA_TYPE,
              "Content-Type "
                  + contentType
                  + " is not supported; send application/fhir+json or application/fhir+xml");
      unsupported.setOperationOutcome(
          ErrorTranslationInterceptor.outcome(
              IssueType.NOTSUPPORTED, unsupported.getMessage(), null, null));
      throw unsupported;
    }
    return true;
  }

  private static boolean acceptable(String contentType) {
    String mime = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return EncodingEnum.forContentType(mime) != null
        || Constants.CT_X_FORM_URLENCODED.equals(mime)
        || Constants.CT_JSON_PATCH.equals(mime);
  }
}
