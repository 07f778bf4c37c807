package app.lumbra.fhir.server;

import app.lumbra.fhir.support.Populated;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/**
 * FHIR-1: a time sent to the minute ({@code 2026-10-25T09:00Z}) is taken as that minute's first
 * second. FHIR's dateTime wants seconds once it has a time, but EHRs send minutes often enough and
 * the meaning is clear. HAPI parses such a value yet cannot copy it (its copy constructor refuses
 * minute precision), so every incoming resource is brought to whole seconds before Lumbra touches
 * it; what is given back says {@code 09:00:00Z}, the same instant written the way FHIR asks.
 */
@Interceptor
public class MinuteTimesInterceptor {

  private final FhirContext fhir;

  public MinuteTimesInterceptor(FhirContext fhir) {
    this.fhir = fhir;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void toWholeSeconds(RequestDetails request) {
    IBaseResource resource = request.getResource();
    if (resource != null && hasMinuteTime(request.loadRequestContents())) {
      toWholeSeconds(fhir, resource);
    }
  }

  /**
   * Whether the body has a time without seconds ({@code T09:00Z}, {@code T09:00+02:00} before a
   * closing quote). Scanning the bytes costs a fraction of walking every element of the parsed
   * resource (a transaction Bundle of 100 readings has thousands), and almost no body has one.
   */
  static boolean hasMinuteTime(byte[] body) {
    if (body == null) {
      return true;
    }
    // "T" digit digit ":" digit digit, then "Z" or an offset, then the value's closing quote.
    for (int i = 0; i + 7 < body.length; i++) {
      if (body[i] == 'T'
          && digit(body[i + 1])
          && digit(body[i + 2])
          && body[i + 3] == ':'
          && digit(body[i + 4])
          && digit(body[i + 5])) {
        int zone = i + 6;
        if (body[zone] == 'Z' && quote(body[zone + 1])) {
          return true;
        }
        if ((body[zone] == '+' || body[zone] == '-')
            && zone + 6 < body.length
            && digit(body[zone + 1])
            && digit(body[zone + 2])
            && body[zone + 3] == ':'
            && digit(body[zone + 4])
            && digit(body[zone + 5])
            && quote(body[zone + 6])) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean quote(byte b) {
    return b == '"' || b == '\'';
  }

  /** Brings every time of {@code resource} (contained and Bundle entries too) to seconds. */
  static void toWholeSeconds(FhirContext fhir, IBaseResource resource) {
    for (BaseDateTimeType time : Populated.ofType(fhir, resource, BaseDateTimeType.class)) {
      if (time.getPrecision() == TemporalPrecisionEnum.MINUTE) {
        time.setPrecision(TemporalPrecisionEnum.SECOND);
      }
    }
  }
}
