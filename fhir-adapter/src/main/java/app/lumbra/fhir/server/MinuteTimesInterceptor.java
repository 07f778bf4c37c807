package app.lumbra.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;

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
    if (resource != null) {
      toWholeSeconds(fhir, resource);
    }
  }

  /** Brings every time of {@code resource} (contained and Bundle entries too) to seconds. */
  static void toWholeSeconds(FhirContext fhir, IBaseResource resource) {
    for (BaseDateTimeType time :
        fhir.newTerser().getAllPopulatedChildElementsOfType(resource, BaseDateTimeType.class)) {
      if (time.getPrecision() == TemporalPrecisionEnum.MINUTE) {
        time.setPrecision(TemporalPrecisionEnum.SECOND);
      }
    }
    // The terser does not always descend into what an entry's resource contains.
    if (resource instanceof DomainResource domain) {
      domain.getContained().forEach(contained -> toWholeSeconds(fhir, contained));
    }
    if (resource instanceof Bundle bundle) {
      bundle.getEntry().stream()
          .filter(Bundle.BundleEntryComponent::hasResource)
          .forEach(entry -> toWholeSeconds(fhir, entry.getResource()));
    }
  }
}
