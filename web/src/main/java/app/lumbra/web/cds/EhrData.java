package app.lumbra.web.cds;

import app.lumbra.advice.domain.CodedFinding;
import app.lumbra.fhir.support.LumbraFhirContext;
import app.lumbra.patient.application.IdentifierData;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * What the EHR tells about its patient: the Patient (for its identifiers) and its Conditions (their
 * codes), from the request's {@code prefetch} when the EHR sent them, else fetched from its {@code
 * fhirServer} with the {@code fhirAuthorization} token it gave. Without either, nothing is known.
 * The EHR's resources are read leniently: they are the EHR's, not data Lumbra stores.
 */
final class EhrData {

  private static final Logger LOG = Logger.getLogger(EhrData.class.getName());
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

  private final JsonObject request;
  private final String patientId;

  EhrData(JsonObject request, String patientId) {
    this.request = request;
    this.patientId = patientId;
  }

  private static IParser parser() {
    return LumbraFhirContext.r4().newJsonParser().setParserErrorHandler(new LenientErrorHandler());
  }

  /** The identifiers of the EHR's patient (empty when neither sent nor fetched). */
  List<IdentifierData> identifiers() {
    List<IdentifierData> identifiers = new ArrayList<>();
    resource("patient", "Patient/" + encoded(patientId))
        .filter(Patient.class::isInstance)
        .map(Patient.class::cast)
        .ifPresent(
            patient -> {
              for (Identifier identifier : patient.getIdentifier()) {
                if (identifier.hasSystem() && identifier.hasValue()) {
                  identifiers.add(
                      new IdentifierData(identifier.getSystem(), identifier.getValue()));
                }
              }
            });
    return identifiers;
  }

  /** The codes of the EHR's Conditions of the patient. */
  List<CodedFinding> problems() {
    List<CodedFinding> problems = new ArrayList<>();
    resource("conditions", "Condition?patient=" + encoded(patientId))
        .filter(Bundle.class::isInstance)
        .map(Bundle.class::cast)
        .ifPresent(
            bundle -> {
              for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof Condition condition) {
                  for (Coding coding : condition.getCode().getCoding()) {
                    problems.add(
                        new CodedFinding(
                            coding.getSystem(),
                            coding.getCode(),
                            coding.hasDisplay()
                                ? coding.getDisplay()
                                : condition.getCode().getText()));
                  }
                }
              }
            });
    return problems;
  }

  /** The draft orders of an order hook, as a Bundle (empty when none were sent). */
  Optional<Bundle> draftOrders() {
    JsonObject context = request.getJsonObject("context");
    JsonValue orders = context == null ? null : context.get("draftOrders");
    if (orders == null || orders.getValueType() != JsonValue.ValueType.OBJECT) {
      return Optional.empty();
    }
    return parse(orders.toString()).filter(Bundle.class::isInstance).map(Bundle.class::cast);
  }

  private Optional<IBaseResource> resource(String prefetchKey, String query) {
    JsonObject prefetch = request.getJsonObject("prefetch");
    if (prefetch != null
        && prefetch.containsKey(prefetchKey)
        && prefetch.get(prefetchKey).getValueType() == JsonValue.ValueType.OBJECT) {
      return parse(prefetch.getJsonObject(prefetchKey).toString());
    }
    return patientId == null ? Optional.empty() : fetch(query);
  }

  private Optional<IBaseResource> fetch(String query) {
    String server = request.getString("fhirServer", null);
    JsonObject authorization = request.getJsonObject("fhirAuthorization");
    if (server == null
        || authorization == null
        || !(server.startsWith("https://") || server.startsWith("http://"))) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(stripSlash(server) + "/" + query))
                  .timeout(FETCH_TIMEOUT)
                  .header("Accept", "application/fhir+json")
                  .header("Authorization", "Bearer " + authorization.getString("access_token", ""))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        LOG.info(() -> "The EHR answered " + answer.statusCode() + " to " + query);
        return Optional.empty();
      }
      return parse(answer.body());
    } catch (IOException | IllegalArgumentException e) {
      LOG.info(() -> "Could not fetch " + query + " from the EHR: " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Optional<IBaseResource> parse(String json) {
    try {
      return Optional.of(parser().parseResource(json));
    } catch (DataFormatException e) {
      return Optional.empty();
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String encoded(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
