package app.lumbra.web.it;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The audit trail as an auditor reads it ({@code GET /fhir/AuditEvent}, a token naming AuditEvent),
 * so tests can check that a refusal was recorded.
 */
public final class AuditEvents {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private AuditEvents() {}

  /** The events of an AuditEvent search, e.g. {@code outcome=4&_count=20} (newest first). */
  public static List<AuditEvent> search(LumbraProcess server, String query) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("/fhir/AuditEvent?" + query))
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + TestTokens.withScopes("system/AuditEvent.rs"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("audit search failed: " + response.body());
    }
    return FhirContext.forR4Cached()
        .newJsonParser()
        .parseResource(Bundle.class, response.body())
        .getEntry()
        .stream()
        .map(entry -> (AuditEvent) entry.getResource())
        .toList();
  }

  /** The newest refusals (outcome 4, "denied"), newest first. */
  public static List<AuditEvent> newestDenied(LumbraProcess server, int count) throws Exception {
    return search(server, "outcome=4&_count=" + count);
  }

  /** What an event says it was about: its entity description (method, path and query). */
  public static String what(AuditEvent event) {
    return event.getEntityFirstRep().getDescription();
  }
}
