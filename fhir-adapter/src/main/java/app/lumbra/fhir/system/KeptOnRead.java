package app.lumbra.fhir.system;

import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.support.KeptResources;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * FHIR-1 "keep" on every way out: read, vread, history, search, includes, {@code $everything} and
 * Bundle responses all answer the domain's projection laid over what partners sent ({@link
 * KeptResources#read}), with one lookup per resource type and response. {@link #OWNED} is the one
 * table of which top-level elements the domain owns, per resource type.
 */
public class KeptOnRead {

  /** Per resource type, the elements whose authority is the domain; each mapper says why. */
  public static final Map<String, Set<String>> OWNED =
      Map.of(
          "Patient", PatientFhirMapper.OWNED,
          "Condition", ConditionFhirMapper.OWNED,
          "CarePlan", CarePlanFhirMapper.OWNED,
          "Goal", GoalFhirMapper.OWNED,
          "Procedure", ProcedureFhirMapper.OWNED,
          "Observation", ObservationFhirMapper.OWNED);

  private final KeptResources kept;

  public KeptOnRead(KeptResources kept) {
    this.kept = kept;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void overlay(ResponseDetails response) {
    IBaseResource resource = response.getResponseResource();
    if (resource instanceof Bundle bundle) {
      overlay(bundle);
    } else if (resource instanceof DomainResource single && wanted(single)) {
      response.setResponseResource(kept.read(single, OWNED.get(single.fhirType())));
    }
  }

  private void overlay(Bundle bundle) {
    Map<String, List<Bundle.BundleEntryComponent>> byType = new LinkedHashMap<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof DomainResource resource && wanted(resource)) {
        byType.computeIfAbsent(resource.fhirType(), type -> new ArrayList<>()).add(entry);
      }
    }
    byType.forEach(
        (type, entries) -> {
          List<DomainResource> projections =
              entries.stream().map(entry -> (DomainResource) entry.getResource()).toList();
          List<DomainResource> read = kept.read(projections, OWNED.get(type));
          for (int i = 0; i < entries.size(); i++) {
            entries.get(i).setResource(read.get(i));
          }
        });
  }

  private static boolean wanted(DomainResource resource) {
    return OWNED.containsKey(resource.fhirType())
        && resource.getMeta().hasVersionId()
        && resource.getIdElement().hasIdPart()
        && !KeptResources.isComplete(resource);
  }
}
