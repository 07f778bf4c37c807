package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * SMART EHR launch in headless Chromium, through the real redirects: a test EHR (its SMART
 * configuration, authorization and token endpoints and a FHIR Patient, on loopback, in test code
 * only) launches Lumbra, which runs the authorization-code flow with PKCE and opens the patient's
 * chart signed in as the matching account; an unknown user gets a page saying so. One test EHR is
 * named in configuration, the other is allowed (and removed) by the administrator in the portal.
 */
class EhrLaunchIT {

  private static final String CLIENT_ID = "lumbra-portal";
  private static final String SECOND_CLIENT_ID = "lumbra-at-second-ehr";
  private static final String MRN = "urn:oid:1.2.36.146.595.217.0.1";

  private static TestEhr ehr;
  private static TestEhr secondEhr;
  private static LumbraProcess lumbra;
  private static String[] admin;

  @BeforeAll
  static void start() throws Exception {
    ehr = new TestEhr(CLIENT_ID);
    secondEhr = new TestEhr(SECOND_CLIENT_ID);
    lumbra =
        LumbraProcess.withEnvironment(
                "ehr-launch",
                Map.of(
                    "LUMBRA_SMART_EHRS",
                    "testehr",
                    "LUMBRA_SMART_EHR_TESTEHR_ISSUER",
                    ehr.issuer(),
                    "LUMBRA_SMART_EHR_TESTEHR_CLIENT_ID",
                    CLIENT_ID,
                    "LUMBRA_SMART_EHR_TESTEHR_USER_CLAIM",
                    "preferred_username"))
            .start();
    admin = Browser.administrator(lumbra);
  }

  @AfterAll
  static void stop() throws Exception {
    if (lumbra != null) {
      lumbra.stop();
    }
    if (ehr != null) {
      ehr.stop();
    }
    if (secondEhr != null) {
      secondEhr.stop();
    }
  }

  private static String lumbraPatient(String mrn) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MRN).setValue(mrn);
    patient.addName().setFamily("Launch").addGiven("Dana");
    patient.setBirthDateElement(new DateType("1981-02-03"));
    patient.setGender(AdministrativeGender.FEMALE);
    return lumbra.fhirClient().create().resource(patient).execute().getId().getIdPart();
  }

  @Test
  void anEhrLaunchOpensThePatientsChartSignedInAsTheMatchingClinician() throws Exception {
    String mrn = "MRN-" + UUID.randomUUID();
    String patientId = lumbraPatient(mrn);
    ehr.next(admin[0], "ehr-pat-1", mrn);

    try (Browser browser = new Browser(lumbra)) {
      browser.driver.get(
          lumbra.baseUrl()
              + "/launch?iss="
              + URLEncoder.encode(ehr.issuer(), StandardCharsets.UTF_8)
              + "&launch=ctx-42");

      assertThat(browser.driver.getCurrentUrl())
          .isEqualTo(lumbra.baseUrl() + "/portal/chart.xhtml?patient=" + patientId);
      assertThat(browser.byId("current-user").getText()).isEqualTo(admin[0]);
      assertThat(browser.text()).contains("Launch");
    }
    Map<String, String> authorize = ehr.authorizeRequests.get(0);
    assertThat(authorize)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("launch", "ctx-42")
        .containsEntry("aud", ehr.issuer())
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", lumbra.baseUrl() + "/launch/callback");
    assertThat(ehr.verifiedPkce).isTrue();
    assertThat(ehr.patientReadWith).isEqualTo("Bearer ehr-access-token");
  }

  @Test
  void anEhrUserWithoutALumbraAccountGetsAClearPageAndIsNotSignedIn() throws Exception {
    String mrn = "MRN-" + UUID.randomUUID();
    lumbraPatient(mrn);
    ehr.next("dr-unknown", "ehr-pat-2", mrn);

    try (Browser browser = new Browser(lumbra)) {
      browser.driver.get(lumbra.baseUrl() + "/launch?iss=" + ehr.issuer() + "&launch=ctx-43");

      assertThat(browser.byId("launch-title").getText()).isEqualTo("You have no Lumbra account");
      assertThat(browser.byId("launch-reason").getText()).contains("'dr-unknown'");
      browser.open("/portal/patients.xhtml");
      assertThat(browser.driver.getCurrentUrl())
          .as(browser.driver.getPageSource())
          .contains("/portal/login.xhtml");
    }
  }

  @Test
  void anIssuerThatIsNotConfiguredIsRefused() throws Exception {
    try (Browser browser = new Browser(lumbra)) {
      browser.driver.get(
          lumbra.baseUrl() + "/launch?iss=http://127.0.0.1:9/evil/fhir&launch=ctx-44");

      assertThat(browser.byId("launch-title").getText())
          .isEqualTo("This EHR may not launch Lumbra");
    }
    assertThat(ehr.authorizeRequests)
        .allSatisfy(request -> assertThat(request).containsEntry("client_id", CLIENT_ID));
  }

  @Test
  void anEhrAllowedInTheAdminPageLaunchesLumbraUntilItIsRemoved() throws Exception {
    String mrn = "MRN-" + UUID.randomUUID();
    String patientId = lumbraPatient(mrn);
    secondEhr.next(admin[0], "ehr-pat-9", mrn);
    String name = "second-" + UUID.randomUUID().toString().substring(0, 6);
    String launch =
        lumbra.baseUrl()
            + "/launch?iss="
            + URLEncoder.encode(secondEhr.issuer(), StandardCharsets.UTF_8)
            + "&launch=ctx-45";

    try (Browser browser = new Browser(lumbra)) {
      browser.signIn(admin[0], admin[1]);
      browser.open("/portal/admin/ehrs.xhtml");
      WebElement configured = row(browser, "testehr");
      assertThat(configured.getText()).contains(ehr.issuer()).contains("from configuration");
      assertThat(configured.findElements(By.cssSelector("input[value='Remove']"))).isEmpty();

      browser.type("f:name", name);
      browser.type("f:issuer", secondEhr.issuer());
      browser.type("f:clientId", SECOND_CLIENT_ID);
      browser.click("f:register");
      assertThat(browser.text()).contains("EHR " + name + " may launch Lumbra");
      assertThat(row(browser, name).getText()).contains("registered here");

      browser.driver.get(launch);
      assertThat(browser.driver.getCurrentUrl())
          .isEqualTo(lumbra.baseUrl() + "/portal/chart.xhtml?patient=" + patientId);
      assertThat(secondEhr.authorizeRequests)
          .singleElement()
          .satisfies(
              request ->
                  assertThat(request)
                      .containsEntry("client_id", SECOND_CLIENT_ID)
                      .containsEntry("aud", secondEhr.issuer()));
      assertThat(secondEhr.verifiedPkce).isTrue();

      browser.open("/portal/admin/ehrs.xhtml");
      browser.click(
          row(browser, name)
              .findElement(By.cssSelector("input[value='Remove']"))
              .getAttribute("id"));
      assertThat(browser.text()).contains("EHR " + name + " removed");

      browser.driver.get(launch);
      assertThat(browser.byId("launch-title").getText())
          .isEqualTo("This EHR may not launch Lumbra");
    }
    assertThat(secondEhr.authorizeRequests).hasSize(1);
  }

  /** The row of the EHR table whose first cell is {@code name}. */
  private static WebElement row(Browser browser, String name) {
    return browser.driver.findElement(
        By.xpath("//table[@id='ehrs']//tr[td[1][normalize-space()='" + name + "']]"));
  }

  /**
   * The test EHR: SMART configuration, an authorization endpoint that approves at once (as a
   * signed-in EHR user would) and a token endpoint that checks the PKCE verifier, answering the
   * patient in context and an ID token naming the user.
   */
  private static final class TestEhr {
    private final HttpServer server;
    private final String clientId;
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();
    volatile boolean verifiedPkce;
    volatile String patientReadWith;
    private volatile String user;
    private volatile String patient;
    private volatile String mrn;

    TestEhr(String clientId) throws IOException {
      this.clientId = clientId;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/fhir/.well-known/smart-configuration", this::configuration);
      server.createContext("/authorize", this::authorize);
      server.createContext("/token", this::token);
      server.createContext("/fhir/Patient/", this::patient);
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String issuer() {
      return base() + "/fhir";
    }

    void next(String user, String patient, String mrn) {
      this.user = user;
      this.patient = patient;
      this.mrn = mrn;
    }

    void stop() {
      server.stop(0);
    }

    private void configuration(HttpExchange exchange) throws IOException {
      send(
          exchange,
          200,
          "application/json",
          Json.createObjectBuilder()
              .add("authorization_endpoint", base() + "/authorize")
              .add("token_endpoint", base() + "/token")
              .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
              .add("capabilities", Json.createArrayBuilder().add("launch-ehr"))
              .build()
              .toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
      Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
      authorizeRequests.add(query);
      String code = UUID.randomUUID().toString();
      codes.put(code, new String[] {query.get("code_challenge"), query.get("redirect_uri")});
      exchange
          .getResponseHeaders()
          .add(
              "Location",
              query.get("redirect_uri")
                  + "?code="
                  + code
                  + "&state="
                  + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
      Map<String, String> form =
          parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String[] issued = codes.remove(form.get("code"));
      if (issued == null
          || !clientId.equals(form.get("client_id"))
          || !issued[1].equals(form.get("redirect_uri"))
          || !issued[0].equals(challenge(form.get("code_verifier")))) {
        send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
        return;
      }
      verifiedPkce = true;
      String idToken =
          new PlainJWT(
                  new JWTClaimsSet.Builder()
                      .issuer(issuer())
                      .subject("ehr-user-1")
                      .audience(clientId)
                      .claim("preferred_username", user)
                      .build())
              .serialize();
      send(
          exchange,
          200,
          "application/json",
          Json.createObjectBuilder()
              .add("access_token", "ehr-access-token")
              .add("token_type", "Bearer")
              .add("expires_in", 300)
              .add("scope", "launch openid fhirUser patient/Patient.rs")
              .add("patient", patient)
              .add("id_token", idToken)
              .build()
              .toString());
    }

    private void patient(HttpExchange exchange) throws IOException {
      patientReadWith = exchange.getRequestHeaders().getFirst("Authorization");
      Patient found = new Patient();
      found.setId(patient);
      found.addIdentifier().setSystem(MRN).setValue(mrn);
      send(
          exchange,
          200,
          "application/fhir+json",
          FhirContext.forR4Cached().newJsonParser().encodeResourceToString(found));
    }

    private static String challenge(String verifier) {
      try {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Map<String, String> parse(String query) {
      Map<String, String> fields = new LinkedHashMap<>();
      if (query != null) {
        for (String pair : query.split("&")) {
          int equals = pair.indexOf('=');
          if (equals > 0) {
            fields.put(
                URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
          }
        }
      }
      return fields;
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
        throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
