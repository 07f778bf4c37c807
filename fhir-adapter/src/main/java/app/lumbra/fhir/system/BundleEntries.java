package app.lumbra.fhir.system;

import app.lumbra.fhir.careplan.CarePlanResourceProvider;
import app.lumbra.fhir.condition.ConditionResourceProvider;
import app.lumbra.fhir.goal.GoalResourceProvider;
import app.lumbra.fhir.observation.ObservationResourceProvider;
import app.lumbra.fhir.patient.PatientResourceProvider;
import app.lumbra.fhir.procedure.ProcedureResourceProvider;
import app.lumbra.fhir.security.SmartScopes.Interaction;
import app.lumbra.fhir.support.LumbraFhirContext;
import app.lumbra.fhir.support.Populated;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntryResponseComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Runs one entry of a transaction or batch Bundle through the same resource provider (and so the
 * same application service and rules) as a single request would, after replacing {@code urn:uuid:}
 * references with the ids the Bundle's earlier entries got.
 */
@ApplicationScoped
public class BundleEntries {

  private PatientResourceProvider patients;
  private ConditionResourceProvider conditions;
  private CarePlanResourceProvider plans;
  private GoalResourceProvider goals;
  private ProcedureResourceProvider procedures;
  private ObservationResourceProvider observations;
  private PatientService patientService;

  /** For the CDI proxy only. */
  protected BundleEntries() {}

  @Inject
  public BundleEntries(
      PatientResourceProvider patients,
      ConditionResourceProvider conditions,
      CarePlanResourceProvider plans,
      GoalResourceProvider goals,
      ProcedureResourceProvider procedures,
      ObservationResourceProvider observations,
      PatientService patientService) {
    this.patientService = patientService;
    this.patients = patients;
    this.conditions = conditions;
    this.plans = plans;
    this.goals = goals;
    this.procedures = procedures;
    this.observations = observations;
  }

  /** Processes {@code entry} with what earlier entries of its Bundle left in {@code state}. */
  BundleEntryComponent process(int index, BundleEntryComponent entry, BundleState state) {
    Map<String, String> resolved = state.resolved;
    String base = state.serverBase;
    Bundle.HTTPVerb verb = entry.getRequest().getMethod();
    String url = entry.getRequest().getUrl();
    String field = "Bundle.entry[" + index + "]";
    if (verb == null || url == null) {
      throw new InvalidValueException(field + ".request", null, "a method and a url");
    }
    Resource resource = entry.getResource();
    if (resource != null) {
      resolveReferences(resource, resolved, field);
    }
    // The entry must be allowed to the token as a request of its own would be.
    state.guard.beforeEntry(
        entryType(verb, url, resource), interaction(verb), entryId(verb, url), resource);
    BundleEntryComponent response = new BundleEntryComponent();
    switch (verb) {
      case POST -> {
        MethodOutcome outcome =
            create(resource, entry.getRequest().getIfNoneExist(), field, state.request);
        respond(
            response,
            outcome,
            Boolean.TRUE.equals(outcome.getCreated()) ? "201 Created" : "200 OK",
            base);
        response.setResource((Resource) state.guard.afterEntry(response.getResource(), true));
        if (entry.hasFullUrl() && entry.getFullUrl().startsWith("urn:uuid:")) {
          resolved.put(entry.getFullUrl(), outcome.getId().toUnqualifiedVersionless().getValue());
        }
      }
      case PUT -> {
        MethodOutcome updated;
        if (url.contains("?")) {
          updated = conditionalUpdate(url, resource, field, state.request);
        } else {
          IdType id = new IdType(url);
          if (entry.getRequest().hasIfMatch()) {
            String version = entry.getRequest().getIfMatch().replaceAll("[^0-9]", "");
            id = id.withVersion(version);
          }
          updated = update(id, resource, field, state.request);
        }
        // An update of an id nobody had yet is a create (FHIR-8).
        String status = Boolean.TRUE.equals(updated.getCreated()) ? "201 Created" : "200 OK";
        respond(response, updated, status, base);
        response.setResource((Resource) state.guard.afterEntry(response.getResource(), true));
      }
      case GET -> {
        Resource read = read(new IdType(url), field);
        state.guard.afterEntry(read, false);
        response.setResource(read);
        response.setFullUrl(
            read.getIdElement().withServerBase(base, read.fhirType()).toVersionless().getValue());
        response
            .getResponse()
            .setStatus("200 OK")
            .setEtag("W/\"" + read.getMeta().getVersionId() + "\"");
      }
      default ->
          throw new InvalidValueException(
              field + ".request.method", verb.toCode(), "POST, PUT or GET");
    }
    return response;
  }

  /** The resource type an entry acts on: its resource's for a POST, else its url's. */
  private static String entryType(Bundle.HTTPVerb verb, String url, Resource resource) {
    if (verb == Bundle.HTTPVerb.POST && resource != null) {
      return resource.fhirType();
    }
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }

  private static IdType entryId(Bundle.HTTPVerb verb, String url) {
    return verb == Bundle.HTTPVerb.POST || url.contains("?") ? null : new IdType(url);
  }

  private static Interaction interaction(Bundle.HTTPVerb verb) {
    return switch (verb) {
      case POST -> Interaction.CREATE;
      case PUT, PATCH -> Interaction.UPDATE;
      case DELETE -> Interaction.DELETE;
      default -> Interaction.READ;
    };
  }

  private static void respond(
      BundleEntryComponent response, MethodOutcome outcome, String status, String base) {
    Resource resource = (Resource) outcome.getResource();
    response.setFullUrl(
        outcome.getId().withServerBase(base, resource.fhirType()).toVersionless().getValue());
    response.setResource(resource);
    BundleEntryResponseComponent result = response.getResponse();
    result.setStatus(status);
    result.setLocation(outcome.getId().toUnqualified().getValue());
    result.setEtag("W/\"" + outcome.getId().getVersionIdPart() + "\"");
    result.setLastModified(resource.getMeta().getLastUpdated());
  }

  private MethodOutcome create(
      Resource resource, String ifNoneExist, String field, RequestDetails request) {
    String conditional = ifNoneExist == null ? null : "?" + ifNoneExist;
    if (resource instanceof Patient patient) {
      return patients.create(patient, conditional, request);
    }
    if (resource instanceof Observation observation) {
      return observations.create(observation, conditional);
    }
    if (conditional != null) {
      throw new InvalidValueException(
          field + ".request.ifNoneExist", ifNoneExist, "only on Patient and Observation");
    }
    if (resource instanceof Condition condition) {
      return conditions.create(condition);
    }
    if (resource instanceof CarePlan plan) {
      return plans.create(plan);
    }
    if (resource instanceof Procedure procedure) {
      return procedures.create(procedure);
    }
    if (resource instanceof Goal goal) {
      return goals.create(goal);
    }
    throw new InvalidValueException(
        field + ".resource",
        resource == null ? null : resource.fhirType(),
        "a Patient, Condition, CarePlan, Goal, Procedure or Observation");
  }

  /** FHIR-8: a conditional update, {@code Patient?identifier=system|value}. */
  private MethodOutcome conditionalUpdate(
      String url, Resource resource, String field, RequestDetails request) {
    if (!(resource instanceof Patient patient) || !url.startsWith("Patient?")) {
      throw new InvalidValueException(
          field + ".request.url", url, "Patient?identifier=system|value for a conditional update");
    }
    return patients.update(null, patient, url, request);
  }

  private MethodOutcome update(IdType id, Resource resource, String field, RequestDetails request) {
    if (resource == null || !resource.fhirType().equals(id.getResourceType())) {
      throw new InvalidValueException(
          field + ".request.url", id.getValue(), "Type/id of the entry's resource");
    }
    if (resource instanceof Patient patient) {
      return patients.update(id, patient, null, request);
    }
    if (resource instanceof Condition condition) {
      return conditions.update(id, condition);
    }
    if (resource instanceof CarePlan plan) {
      return plans.update(id, plan);
    }
    if (resource instanceof Procedure procedure) {
      return procedures.update(id, procedure);
    }
    if (resource instanceof Goal goal) {
      return goals.update(id, goal);
    }
    if (resource instanceof Observation observation) {
      return observations.update(id, observation);
    }
    throw new InvalidValueException(
        field + ".resource",
        resource.fhirType(),
        "a Patient, Condition, CarePlan, Goal, Procedure or Observation");
  }

  private Resource read(IdType id, String field) {
    return switch (id.getResourceType() == null ? "" : id.getResourceType()) {
      case "Patient" -> patients.read(id);
      case "Condition" -> conditions.read(id);
      case "CarePlan" -> plans.read(id);
      case "Goal" -> goals.read(id);
      case "Procedure" -> procedures.read(id);
      case "Observation" -> observations.read(id);
      default -> throw new InvalidValueException(field + ".request.url", id.getValue(), "Type/id");
    };
  }

  /**
   * Replaces {@code urn:uuid:} references with the ids earlier entries got, and conditional
   * references ({@code Patient?identifier=system|value}, FHIR-8) with the one patient they match.
   */
  private void resolveReferences(Resource resource, Map<String, String> resolved, String field) {
    for (Reference reference :
        Populated.ofType(LumbraFhirContext.r4(), resource, Reference.class)) {
      String target = reference.getReference();
      if (target != null && target.startsWith("urn:uuid:")) {
        String id = resolved.get(target);
        if (id == null) {
          throw new InvalidValueException(
              field + ".resource", target, "a urn:uuid of an entry created earlier in this Bundle");
        }
        reference.setReference(id);
      } else if (target != null && target.startsWith("Patient?")) {
        reference.setReference("Patient/" + patientMatching(target, field));
      }
    }
  }

  /** The one patient a conditional reference names; none is 400 naming the reference. */
  private String patientMatching(String reference, String field) {
    String query = reference.substring("Patient?".length());
    String allowed = "Patient?identifier=system|value matching one patient";
    if (!query.startsWith("identifier=") || query.contains("&")) {
      throw new InvalidValueException(field + ".resource", reference, allowed);
    }
    String token =
        URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8);
    int bar = token.indexOf('|');
    if (bar <= 0) {
      throw new InvalidValueException(field + ".resource", reference, allowed);
    }
    return patientService
        .findByIdentifier(token.substring(0, bar), token.substring(bar + 1))
        .map(PatientView::id)
        .orElseThrow(() -> new InvalidValueException(field + ".resource", reference, allowed));
  }
}
