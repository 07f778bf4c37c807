package app.lumbra.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.AuditEvents;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import app.lumbra.web.it.TestTokens;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bearer tokens and SMART scopes on the FHIR API. Every refusal is a 401/403 with an
 * OperationOutcome, its body holds none of the patient data asked for, and it is the newest denied
 * access in the audit trail.
 */
@ExtendWith(SharedLumbra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirTokenSecurityIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String MRN = "urn:oid:1.2.36.146.595.217.0.1";

  private final HttpClient http = HttpClient.newHttpClient();
  private LumbraProcess lumbra;
  private String alpha;
  private String bravo;
  private String bravoFamily;
  private String bravoObservation;
  private String bravoPlan;

  @BeforeAll
  void twoPatientsWithData(LumbraProcess lumbra) {
    this.lumbra = lumbra;
    IGenericClient client = lumbra.fhirClient();
    alpha = create(client, "Alpha" + UUID.randomUUID().toString().substring(0, 8));
    bravoFamily = "Bravo" + UUID.randomUUID().toString().substring(0, 8);
    bravo = create(client, bravoFamily);
    bravoObservation =
        client
            .create()
            .resource(
                FHIR.newJsonParser()
                    .parseResource(
                        Observation.class,
                        resource("fhir/observation-pain.json")
                            .replace("${patient}", bravo)
                            .replace("${value}", "6")
                            .replace("${date}", "2026-03-03T09:00:00Z")))
            .execute()
            .getId()
            .getIdPart();
    CarePlan plan =
        FHIR.newJsonParser()
            .parseResource(
                CarePlan.class,
                resource("fhir/careplan.json")
                    .replace("${patient}", bravo)
                    .replace("${status}", "active"));
    bravoPlan = client.create().resource(plan).execute().getId().getIdPart();
  }

  private static String create(IGenericClient client, String family) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MRN).setValue("MRN-" + UUID.randomUUID());
    patient.addName().setFamily(family).addGiven("Sam");
    patient.setGender(AdministrativeGender.OTHER);
    patient.setBirthDateElement(new DateType("1975-02-03"));
    return ((IdType) client.create().resource(patient).execute().getId()).getIdPart();
  }

  // --- 401: the token itself is not acceptable -------------------------------------------------

  @Test
  void noTokenIsRefusedWith401() throws Exception {
    assertUnauthorized(get("/fhir/Patient/" + bravo, null));
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    String expired =
        TestTokens.mint(
            TestTokens.claims(TestTokens.SYSTEM_SCOPES)
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .build());
    assertUnauthorized(get("/fhir/Patient/" + bravo, expired));
  }

  @Test
  void tokenOfAnotherIssuerIsRefused() throws Exception {
    String foreign =
        TestTokens.mint(
            TestTokens.claims(TestTokens.SYSTEM_SCOPES).issuer("https://evil.example").build());
    assertUnauthorized(get("/fhir/Patient/" + bravo, foreign));
  }

  @Test
  void tokenForAnotherAudienceIsRefused() throws Exception {
    String elsewhere =
        TestTokens.mint(
            TestTokens.claims(TestTokens.SYSTEM_SCOPES).audience("https://other.example").build());
    assertUnauthorized(get("/fhir/Patient/" + bravo, elsewhere));
  }

  @Test
  void unsignedTokenWithAlgNoneIsRefused() throws Exception {
    String none = new PlainJWT(TestTokens.claims(TestTokens.SYSTEM_SCOPES).build()).serialize();
    assertUnauthorized(get("/fhir/Patient/" + bravo, none));
  }

  @Test
  void hs256TokenKeyedWithTheRsaPublicKeyIsRefused() throws Exception {
    SignedJWT confused =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256), TestTokens.claims(TestTokens.SYSTEM_SCOPES).build());
    confused.sign(new MACSigner(TestTokens.publicKey().getEncoded()));
    assertUnauthorized(get("/fhir/Patient/" + bravo, confused.serialize()));
  }

  @Test
  void tokenSignedWithAnotherKeyIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256), TestTokens.claims(TestTokens.SYSTEM_SCOPES).build());
    forged.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
    assertUnauthorized(get("/fhir/Patient/" + bravo, forged.serialize()));
  }

  @Test
  void tamperedTokenIsRefused() throws Exception {
    String[] parts = TestTokens.forPatient(alpha, "patient/*.read").split("\\.");
    String claims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(TestTokens.claims("system/*.cruds").build().toString().getBytes());
    assertUnauthorized(get("/fhir/Patient/" + bravo, parts[0] + "." + claims + "." + parts[2]));
  }

  @Test
  void metadataNeedsNoToken() throws Exception {
    assertThat(get("/fhir/metadata", null).statusCode()).isEqualTo(200);
  }

  // --- 403: valid token, not allowed -----------------------------------------------------------

  @Test
  void missingScopeIsRefused() throws Exception {
    String observationsOnly = TestTokens.withScopes("system/Observation.read");
    assertForbidden(get("/fhir/Patient/" + bravo, observationsOnly));
    String readOnly = TestTokens.withScopes("system/*.rs");
    HttpResponse<String> write =
        send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/Patient/" + bravo))
                .header("Content-Type", "application/fhir+json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"resourceType\":\"Patient\",\"id\":\"" + bravo + "\"}")),
            readOnly);
    assertForbidden(write);
  }

  @Test
  void scopesOfBothVersionsAllowWhatTheyName() throws Exception {
    assertThat(
            get("/fhir/Patient/" + bravo, TestTokens.withScopes("system/Patient.read"))
                .statusCode())
        .isEqualTo(200);
    assertThat(get("/fhir/Patient/" + bravo, TestTokens.withScopes("system/*.rs")).statusCode())
        .isEqualTo(200);
    // A user/ token reaches only its account's care team; "it-client" is no account at all.
    assertForbidden(get("/fhir/Patient/" + bravo, TestTokens.withScopes("user/*.rs")));
    assertThat(
            get("/fhir/Observation?patient=" + bravo, TestTokens.withScopes("system/Observation.s"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aWriteOnlyTokenStoresButDoesNotReadBack() throws Exception {
    String reading =
        resource("fhir/observation-pain.json")
            .replace("${patient}", alpha)
            .replace("${value}", "3")
            .replace("${date}", "2026-03-04T09:00:00Z");
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/Observation"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(reading)),
            TestTokens.withScopes("system/Observation.c"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body())
        .contains("\"resourceType\":\"OperationOutcome\"")
        .doesNotContain("valueQuantity");
    String location = created.headers().firstValue("Location").orElseThrow();
    Observation stored =
        lumbra
            .fhirClient()
            .read()
            .resource(Observation.class)
            .withId(new IdType(location).getIdPart())
            .execute();
    assertThat(stored.getSubject().getReference()).isEqualTo("Patient/" + alpha);
  }

  @Test
  void patientTokenReadsItsOwnPatient() throws Exception {
    HttpResponse<String> own = get("/fhir/Patient/" + alpha, alphaToken());
    assertThat(own.statusCode()).isEqualTo(200);
  }

  @Test
  void patientTokenCannotReadAnotherPatient() throws Exception {
    assertForbidden(get("/fhir/Patient/" + bravo, alphaToken()));
    assertForbidden(get("/fhir/Observation/" + bravoObservation, alphaToken()));
    assertForbidden(get("/fhir/CarePlan/" + bravoPlan, alphaToken()));
  }

  @Test
  void patientTokenCannotSearchAnotherPatient() throws Exception {
    assertForbidden(get("/fhir/Observation?patient=" + bravo, alphaToken()));
    assertForbidden(get("/fhir/Patient?name=" + bravoFamily, alphaToken()));
  }

  @Test
  void patientTokenCannotReachAnotherPatientThroughIncludes() throws Exception {
    assertForbidden(
        get("/fhir/CarePlan?patient=" + bravo + "&_include=CarePlan:addresses", alphaToken()));
    assertForbidden(
        get("/fhir/CarePlan?patient=" + bravo + "&_revinclude=Observation:based-on", alphaToken()));
  }

  @Test
  void patientTokenCannotRunEverythingOnAnotherPatient() throws Exception {
    assertForbidden(get("/fhir/Patient/" + bravo + "/$everything", alphaToken()));
  }

  @Test
  void patientTokenCannotReadAnotherPatientsHistory() throws Exception {
    assertForbidden(get("/fhir/Patient/" + bravo + "/_history", alphaToken()));
    assertForbidden(get("/fhir/Observation/" + bravoObservation + "/_history", alphaToken()));
    assertForbidden(get("/fhir/Observation/" + bravoObservation + "/_history/1", alphaToken()));
  }

  private String alphaToken() {
    return TestTokens.forPatient(alpha, "patient/*.read");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(lumbra.uri(path)).GET(), token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
    request.header("Accept", "application/fhir+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void assertUnauthorized(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(outcome(response).getIssueFirstRep().getCode()).isEqualTo(IssueType.LOGIN);
    assertNothingLeaked(response);
    assertAudited(response);
  }

  private void assertForbidden(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(outcome(response).getIssueFirstRep().getCode()).isEqualTo(IssueType.FORBIDDEN);
    assertNothingLeaked(response);
    assertAudited(response);
  }

  /** The refusal is the newest denied access in the audit trail, with its status and reason. */
  private void assertAudited(HttpResponse<String> response) throws Exception {
    String path = response.request().uri().getPath().substring("/fhir/".length());
    AuditEvent newest = AuditEvents.newestDenied(lumbra, 1).get(0);
    assertThat(AuditEvents.what(newest)).contains(path);
    assertThat(newest.getOutcomeDesc())
        .contains("(" + response.statusCode() + ")")
        .contains(outcome(response).getIssueFirstRep().getDiagnostics());
  }

  private void assertNothingLeaked(HttpResponse<String> response) {
    assertThat(response.body())
        .doesNotContain(bravoFamily)
        .doesNotContain("\"resourceType\":\"Observation\"")
        .doesNotContain("\"resourceType\":\"Patient\"")
        .doesNotContain("\"resourceType\":\"Bundle\"")
        .doesNotContain("\tat ");
  }

  private static OperationOutcome outcome(HttpResponse<String> response) {
    return FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
  }

  private static String resource(String path) {
    try (var in = FhirTokenSecurityIT.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(path, e);
    }
  }
}
