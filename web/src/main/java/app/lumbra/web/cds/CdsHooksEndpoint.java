package app.lumbra.web.cds;

import app.lumbra.advice.application.EhrAdvice;
import app.lumbra.advice.domain.Advice;
import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.fhir.terminology.StandardInput;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * CDS Hooks 2.0 at {@code /cds-services}: {@code GET} discovers the services; {@code POST
 * /cds-services/{id}} calls one with the EHR's hook request and answers cards. Only a trusted EHR
 * ({@link CdsCallers}) is answered; every call is audited.
 */
@WebServlet(urlPatterns = {"/cds-services", "/cds-services/*"})
public class CdsHooksEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String PATIENT_VIEW = "lumbra-patient-alerts";
  static final String ORDER_SELECT = "lumbra-massage-order-select";
  static final String ORDER_SIGN = "lumbra-massage-order-sign";
  private static final long MAX_REQUEST_BYTES = 1024 * 1024;

  @Inject transient CdsCallers callers;
  @Inject transient EhrAdvice advice;
  @Inject transient AuditTrail audit;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    if (path != null && !"/".equals(path)) {
      error(response, 404, "No such resource; GET /cds-services lists the services");
      return;
    }
    write(response, 200, discovery());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String service = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    String caller = null;
    String patient = null;
    try {
      if (!Set.of(PATIENT_VIEW, ORDER_SELECT, ORDER_SIGN).contains(service)) {
        throw new CdsRefusal(
            404,
            "No CDS service '"
                + service
                + "'; the services are "
                + String.join(", ", PATIENT_VIEW, ORDER_SELECT, ORDER_SIGN));
      }
      caller =
          callers.verify(request.getHeader("Authorization"), request.getRequestURL().toString());
      JsonObject hook = body(request);
      String expected = hookOf(service);
      if (!expected.equals(hook.getString("hook", null))) {
        throw new CdsRefusal(400, "hook must be " + expected + " for service " + service);
      }
      JsonObject context = hook.getJsonObject("context");
      String ehrPatient = context == null ? null : context.getString("patientId", null);
      if (ehrPatient == null || ehrPatient.isBlank()) {
        throw new CdsRefusal(400, "context.patientId is required");
      }
      EhrData ehr = new EhrData(hook, ehrPatient);
      Optional<String> lumbraPatient = advice.patientFor(ehr.identifiers(), ehrPatient);
      patient = lumbraPatient.orElse(null);
      List<Advice> cards =
          PATIENT_VIEW.equals(service)
              ? lumbraPatient.map(advice::forChart).orElse(List.of())
              : ordersMassage(ehr, context)
                  ? advice.forMassageOrder(lumbraPatient, ehr.problems())
                  : List.of();
      write(response, 200, CdsCards.of(cards, baseUrl(request)));
      record(caller, service, patient, AccessOutcome.ALLOWED, 200, cards.size() + " cards");
    } catch (CdsRefusal refusal) {
      record(
          caller == null ? "anonymous" : caller,
          service,
          patient,
          refusal.status() == 401 ? AccessOutcome.DENIED : AccessOutcome.FAILED,
          refusal.status(),
          refusal.getMessage());
      error(response, refusal.status(), refusal.getMessage());
    }
  }

  private static String hookOf(String service) {
    switch (service) {
      case PATIENT_VIEW:
        return "patient-view";
      case ORDER_SELECT:
        return "order-select";
      default:
        return "order-sign";
    }
  }

  /**
   * Whether the orders the hook is about include massage: for order-select the selected ones (all
   * when the EHR names none), for order-sign every draft order.
   */
  private static boolean ordersMassage(EhrData ehr, JsonObject context) {
    JsonArray selections = context.getJsonArray("selections");
    Set<String> selected =
        selections == null
            ? Set.of()
            : selections.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toSet());
    Optional<Bundle> orders = ehr.draftOrders();
    if (orders.isEmpty()) {
      return false;
    }
    for (Bundle.BundleEntryComponent entry : orders.get().getEntry()) {
      if (entry.getResource() instanceof ServiceRequest order
          && StandardInput.isMassage(order.getCode())
          && (selected.isEmpty()
              || selected.contains("ServiceRequest/" + order.getIdElement().getIdPart()))) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject body(HttpServletRequest request) throws CdsRefusal, IOException {
    if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
      throw new CdsRefusal(413, "The request is larger than " + MAX_REQUEST_BYTES + " bytes");
    }
    try (JsonReader reader = Json.createReader(request.getInputStream())) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new CdsRefusal(400, "The request body is not a JSON object: " + e.getMessage());
    }
  }

  private static JsonObject discovery() {
    JsonObjectBuilder prefetch =
        Json.createObjectBuilder()
            .add("patient", "Patient/{{context.patientId}}")
            .add("conditions", "Condition?patient={{context.patientId}}")
            .add("observations", "Observation?patient={{context.patientId}}&category=survey");
    return Json.createObjectBuilder()
        .add(
            "services",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("hook", "patient-view")
                        .add("id", PATIENT_VIEW)
                        .add("title", "Lumbra: massage therapy alerts")
                        .add(
                            "description",
                            "The patient's open alerts from their massage therapy for low-back"
                                + " pain: red flags (critical) first, then reviews such as"
                                + " non-response, plateau or an overdue reassessment")
                        .add("prefetch", prefetch))
                .add(
                    Json.createObjectBuilder()
                        .add("hook", "order-select")
                        .add("id", ORDER_SELECT)
                        .add("title", "Lumbra: is massage safe for this patient?")
                        .add(
                            "description",
                            "Warns when massage is selected for a patient with a positive"
                                + " red-flag screen or a contraindication to massage")
                        .add("prefetch", prefetch))
                .add(
                    Json.createObjectBuilder()
                        .add("hook", "order-sign")
                        .add("id", ORDER_SIGN)
                        .add("title", "Lumbra: is massage safe for this patient?")
                        .add(
                            "description",
                            "Warns before a massage order is signed for a patient with a"
                                + " positive red-flag screen or a contraindication to massage")
                        .add("prefetch", prefetch)))
        .build();
  }

  private static String baseUrl(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.indexOf("/cds-services"));
  }

  private void record(
      String caller,
      String service,
      String patient,
      AccessOutcome outcome,
      int status,
      String detail) {
    audit.record(
        new RecordAccess(
            "CDS",
            caller == null ? "anonymous" : caller,
            "cds-hook",
            "POST /cds-services/" + service,
            patient,
            outcome,
            status,
            detail));
  }

  private static void error(HttpServletResponse response, int status, String message)
      throws IOException {
    write(response, status, Json.createObjectBuilder().add("error", message).build());
  }

  private static void write(HttpServletResponse response, int status, JsonObject body)
      throws IOException {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(body.toString());
  }
}
