package app.lumbra.web.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.lumbra.web.it.BackendClient;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import app.lumbra.web.it.TestTokens;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A CDS Hooks test client (black box): discovery, {@code patient-view} with and without prefetch
 * (then Lumbra fetches from the EHR's FHIR server, here a loopback stub), an untrusted JWT refused,
 * and the critical card of a red flag, also when massage is ordered.
 */
@ExtendWith(SharedLumbra.class)
class CdsHooksIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MRN = "urn:oid:1.2.36.146.595.217.0.1";
  private static final String SCREEN = "https://lumbra.app/fhir/CodeSystem/lumbra-red-flag";
  private static final List<String> ITEMS =
      List.of(
          "SADDLE_NUMBNESS",
          "BLADDER_OR_BOWEL_CHANGE",
          "BILATERAL_LEG_SYMPTOMS",
          "PROGRESSIVE_NEUROLOGICAL_DEFICIT",
          "MAJOR_TRAUMA",
          "MINOR_TRAUMA_WITH_RISK",
          "HISTORY_OF_CANCER",
          "UNEXPLAINED_WEIGHT_LOSS",
          "CONSTANT_NIGHT_PAIN",
          "FEVER",
          "IMMUNOSUPPRESSION",
          "INTRAVENOUS_DRUG_USE");

  private static BackendClient ehr;

  @BeforeAll
  static void registerTheEhr(LumbraProcess lumbra) throws Exception {
    ehr = BackendClient.register(lumbra, "system/Patient.rs", null);
  }

  /** A Lumbra patient with this MRN and a draft plan; with a positive screen when asked. */
  private static String[] patientWithPlan(LumbraProcess lumbra, String mrn, boolean redFlag) {
    IGenericClient client = lumbra.fhirClient();
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MRN).setValue(mrn);
    patient.addName().setFamily("Hook").addGiven("Carla");
    patient.setBirthDateElement(new DateType("1969-11-23"));
    patient.setGender(AdministrativeGender.FEMALE);
    String patientId = client.create().resource(patient).execute().getId().getIdPart();
    String plan =
        resource("fhir/careplan.json")
            .replace("${patient}", patientId)
            .replace("${status}", "draft");
    String planId =
        client
            .create()
            .resource(FHIR.newJsonParser().parseResource(CarePlan.class, plan))
            .execute()
            .getId()
            .getIdPart();
    if (redFlag) {
      client.create().resource(screenWithSaddleNumbness(patientId, planId)).execute();
    }
    return new String[] {patientId, planId};
  }

  private static Observation screenWithSaddleNumbness(String patientId, String planId) {
    Observation panel = new Observation();
    panel.setStatus(Observation.ObservationStatus.FINAL);
    panel
        .addCategory()
        .addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
        .setCode("survey");
    panel.getCode().addCoding().setSystem(SCREEN).setCode("red-flag-screen");
    panel.setSubject(new Reference("Patient/" + patientId));
    panel.addBasedOn(new Reference("CarePlan/" + planId));
    panel.setEffective(DateTimeType.now());
    panel.addPerformer().setDisplay("Dr Kim");
    for (String item : ITEMS) {
      panel
          .addComponent()
          .setValue(new BooleanType(item.equals("SADDLE_NUMBNESS")))
          .getCode()
          .addCoding()
          .setSystem(SCREEN)
          .setCode(item);
    }
    return panel;
  }

  /** The EHR's own Patient resource: its own id, the MRN Lumbra knows. */
  private static String ehrPatient(String ehrId, String mrn) {
    Patient patient = new Patient();
    patient.setId(ehrId);
    patient.addIdentifier().setSystem(MRN).setValue(mrn);
    patient.addName().setFamily("Hook");
    return FHIR.newJsonParser().encodeResourceToString(patient);
  }

  private static String resource(String path) {
    try (InputStream in = CdsHooksIT.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(path, e);
    }
  }

  private static String serviceUrl(LumbraProcess lumbra, String service) {
    return lumbra.baseUrl() + "/cds-services/" + service;
  }

  private static String jwtFor(BackendClient client, String audience) throws Exception {
    return client.sign(
        new JWTClaimsSet.Builder()
            .issuer(client.clientId())
            .audience(audience)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(120)))
            .build());
  }

  private static HttpResponse<String> call(String url, String jwt, JsonObject body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (jwt != null) {
      request.header("Authorization", "Bearer " + jwt);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject hook(String hook, String patientId, JsonObjectBuilder extra) {
    JsonObjectBuilder context =
        Json.createObjectBuilder().add("userId", "Practitioner/dr-kim").add("patientId", patientId);
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("hook", hook)
            .add("hookInstance", UUID.randomUUID().toString());
    JsonObject added = extra.build();
    if (added.containsKey("draftOrders")) {
      context.add("draftOrders", added.get("draftOrders"));
      context.add("selections", Json.createArrayBuilder().add("ServiceRequest/massage-1"));
    }
    added.forEach(
        (key, value) -> {
          if (!key.equals("draftOrders")) {
            body.add(key, value);
          }
        });
    return body.add("context", context).build();
  }

  private static JsonArray cards(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Json.createReader(new StringReader(answer.body())).readObject().getJsonArray("cards");
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void discoveryListsPatientViewAndTheOrderServicesWithTheirPrefetch(LumbraProcess lumbra)
      throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(lumbra.baseUrl() + "/cds-services")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonArray services = json(answer.body()).getJsonArray("services");
    assertThat(services.getValuesAs(JsonObject.class))
        .extracting(service -> service.getString("hook"))
        .containsExactly("patient-view", "order-select", "order-sign");
    JsonObject prefetch = services.getJsonObject(0).getJsonObject("prefetch");
    assertThat(prefetch.keySet())
        .containsExactlyInAnyOrder("patient", "conditions", "observations");
    assertThat(prefetch.getString("patient")).isEqualTo("Patient/{{context.patientId}}");
  }

  @Test
  void patientViewWithPrefetchAnswersTheRedFlagFirstAsACriticalCardLinkingTheChart(
      LumbraProcess lumbra) throws Exception {
    String mrn = "MRN-" + UUID.randomUUID();
    String[] lumbraPatient = patientWithPlan(lumbra, mrn, true);
    String url = serviceUrl(lumbra, CdsHooksEndpoint.PATIENT_VIEW);

    JsonArray cards =
        cards(
            call(
                url,
                jwtFor(ehr, url),
                hook(
                    "patient-view",
                    "ehr-4711",
                    Json.createObjectBuilder()
                        .add(
                            "prefetch",
                            Json.createObjectBuilder()
                                .add("patient", json(ehrPatient("ehr-4711", mrn)))))));

    assertThat(cards).isNotEmpty();
    JsonObject first = cards.getJsonObject(0);
    assertThat(first.getString("indicator")).isEqualTo("critical");
    assertThat(first.getString("summary")).containsIgnoringCase("red-flag");
    assertThat(first.getString("detail")).contains("saddle numbness").contains("SAFE-1");
    assertThat(first.getJsonObject("source").getString("label")).isEqualTo("Lumbra");
    assertThat(first.getJsonObject("source").getString("url")).startsWith(lumbra.baseUrl());
    JsonObject smart = first.getJsonArray("links").getJsonObject(0);
    assertThat(smart.getString("type")).isEqualTo("smart");
    assertThat(smart.getString("url")).isEqualTo(lumbra.baseUrl() + "/launch");
    assertThat(smart.getString("appContext")).isEqualTo("patient=" + lumbraPatient[0]);
    assertThat(first.getJsonArray("links").getJsonObject(1).getString("url"))
        .isEqualTo(lumbra.baseUrl() + "/portal/chart.xhtml?patient=" + lumbraPatient[0]);
    assertThat(first.getJsonObject("source").getJsonObject("topic").getString("display"))
        .isEqualTo("Red-flag screen");
  }

  @Test
  void patientViewWithoutPrefetchFetchesThePatientFromTheEhrWithTheGivenToken(LumbraProcess lumbra)
      throws Exception {
    String mrn = "MRN-" + UUID.randomUUID();
    patientWithPlan(lumbra, mrn, false);
    Map<String, String> seen = new ConcurrentHashMap<>();
    HttpServer ehrFhir =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ehrFhir.createContext(
        "/fhir/Patient/ehr-0815",
        exchange -> {
          seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = ehrPatient("ehr-0815", mrn).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    ehrFhir.start();
    try {
      String url = serviceUrl(lumbra, CdsHooksEndpoint.PATIENT_VIEW);
      JsonArray cards =
          cards(
              call(
                  url,
                  jwtFor(ehr, url),
                  hook(
                      "patient-view",
                      "ehr-0815",
                      Json.createObjectBuilder()
                          .add(
                              "fhirServer",
                              "http://127.0.0.1:" + ehrFhir.getAddress().getPort() + "/fhir")
                          .add(
                              "fhirAuthorization",
                              Json.createObjectBuilder()
                                  .add("access_token", "ehr-granted-token")
                                  .add("token_type", "Bearer")
                                  .add("expires_in", 300)
                                  .add("scope", "patient/Patient.read")
                                  .add("subject", ehr.clientId())))));

      assertThat(seen).containsEntry("authorization", "Bearer ehr-granted-token");
      // A plan without a red-flag screen: SAFE-1 asks for one, a review (warning), not critical.
      assertThat(cards.getValuesAs(JsonObject.class))
          .extracting(card -> card.getString("indicator"))
          .contains("warning")
          .doesNotContain("critical");
    } finally {
      ehrFhir.stop(0);
    }
  }

  @Test
  void anUntrustedJwtIsRefused(LumbraProcess lumbra) throws Exception {
    String url = serviceUrl(lumbra, CdsHooksEndpoint.PATIENT_VIEW);
    JsonObject body = hook("patient-view", "anyone", Json.createObjectBuilder());
    BackendClient stranger = BackendClient.register(lumbra, "system/Patient.rs", null);
    // Signed by a registered client's key but naming the trusted EHR as issuer.
    String forged =
        stranger.sign(
            new JWTClaimsSet.Builder()
                .issuer(ehr.clientId())
                .audience(url)
                .jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .build());

    assertThat(call(url, null, body).statusCode()).isEqualTo(401);
    assertThat(call(url, forged, body).statusCode()).isEqualTo(401);
    assertThat(call(url, TestTokens.system(), body).statusCode()).isEqualTo(401);
    HttpResponse<String> otherAudience =
        call(url, jwtFor(ehr, lumbra.baseUrl() + "/cds-services/elsewhere"), body);
    assertThat(otherAudience.statusCode()).isEqualTo(401);
    assertThat(otherAudience.body()).contains("aud");
  }

  @Test
  void orderSelectOfMassageForARedFlagPatientWithOsteoporosisAnswersCriticalCards(
      LumbraProcess lumbra) throws Exception {
    String mrn = "MRN-" + UUID.randomUUID();
    patientWithPlan(lumbra, mrn, true);
    ServiceRequest massage = new ServiceRequest();
    massage.setId("massage-1");
    massage.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    massage.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    massage.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("387854002");
    massage.setSubject(new Reference("Patient/ehr-99"));
    Bundle orders = new Bundle().setType(Bundle.BundleType.COLLECTION);
    orders.addEntry().setResource(massage);
    Condition osteoporosis = new Condition();
    osteoporosis.setSubject(new Reference("Patient/ehr-99"));
    osteoporosis
        .getCode()
        .addCoding()
        .setSystem("http://hl7.org/fhir/sid/icd-10-cm")
        .setCode("M81.0")
        .setDisplay("Age-related osteoporosis");
    Bundle conditions = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    conditions.addEntry().setResource(osteoporosis);
    String url = serviceUrl(lumbra, CdsHooksEndpoint.ORDER_SELECT);

    JsonArray cards =
        cards(
            call(
                url,
                jwtFor(ehr, url),
                hook(
                    "order-select",
                    "ehr-99",
                    Json.createObjectBuilder()
                        .add(
                            "draftOrders",
                            json(FHIR.newJsonParser().encodeResourceToString(orders)))
                        .add(
                            "prefetch",
                            Json.createObjectBuilder()
                                .add("patient", json(ehrPatient("ehr-99", mrn)))
                                .add(
                                    "conditions",
                                    json(
                                        FHIR.newJsonParser()
                                            .encodeResourceToString(conditions)))))));

    assertThat(cards.getValuesAs(JsonObject.class))
        .extracting(
            card -> card.getString("indicator"),
            card -> card.getJsonObject("source").getJsonObject("topic").getString("code"))
        .containsExactly(tuple("critical", "SAFE-1"), tuple("critical", "SAFE-2"));
    assertThat(cards.getJsonObject(1).getString("detail"))
        .contains("Osteoporosis")
        .contains("the EHR's problem list: Age-related osteoporosis");

    // The same patient, an order that is not massage: no cards.
    massage.getCode().getCodingFirstRep().setCode("229070002");
    JsonArray none =
        cards(
            call(
                url,
                jwtFor(ehr, url),
                hook(
                    "order-select",
                    "ehr-99",
                    Json.createObjectBuilder()
                        .add(
                            "draftOrders",
                            json(FHIR.newJsonParser().encodeResourceToString(orders)))
                        .add(
                            "prefetch",
                            Json.createObjectBuilder()
                                .add("patient", json(ehrPatient("ehr-99", mrn)))))));
    assertThat(none).isEmpty();
  }
}
