package app.lumbra.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.AuditEvents;
import app.lumbra.web.it.BackendClient;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.PortalSession;
import app.lumbra.web.it.SharedLumbra;
import app.lumbra.web.it.TestTokens;
import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Care teams and portal forms. Patients created over FHIR join the care team of whoever created
 * them; the portal's list counts only the user's team's patients; a forged form post (without or
 * with a made-up view state) stores nothing; a form submitted for another team's patient is
 * refused; patient names are escaped. Every refusal is checked in the audit trail.
 */
@ExtendWith(SharedLumbra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalFormSecurityIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String MRN = "urn:oid:1.2.36.146.595.217.0.1";
  private static final String PASSWORD = "form-security-password-1";
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form id=\"actions\"[^>]*action=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private LumbraProcess lumbra;
  private String suffix;
  private String north;
  private String south;
  private String northTeam;
  private String northFamily;
  private String northPatient;
  private String northPlan;
  private String southPatient;
  private String southPlan;

  @BeforeAll
  void twoTeamsWithAPatientAndADraftPlanEach(LumbraProcess lumbra) throws Exception {
    this.lumbra = lumbra;
    suffix = UUID.randomUUID().toString().substring(0, 6);
    north = "form-north-" + suffix;
    south = "form-south-" + suffix;
    northTeam = "form-north-team-" + suffix;
    String[] admin = PortalSession.administrator(lumbra);
    new PortalSession(lumbra)
        .signIn(admin[0], admin[1])
        .openClinician(north, PASSWORD, northTeam)
        .openClinician(south, PASSWORD, "form-south-team-" + suffix);
    northFamily = "Northcote" + suffix;
    northPatient = create(patient(northFamily), user(north));
    southPatient = create(patient("Southgate" + suffix), user(south));
    northPlan =
        create(FHIR.newJsonParser().parseResource(CarePlan.class, plan(northPatient)), user(north));
    southPlan =
        create(FHIR.newJsonParser().parseResource(CarePlan.class, plan(southPatient)), user(south));
  }

  // --- Patients created over FHIR join a care team ---------------------------------------------

  @Test
  void aPatientCreatedWithAUserTokenJoinsTheClinicianssCareTeam() throws Exception {
    assertThat(get("/fhir/Patient/" + northPatient, user(north)).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = get("/fhir/Patient/" + northPatient, user(south));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain(northFamily);
    AuditEvent audited = AuditEvents.newestDenied(lumbra, 1).get(0);
    assertThat(audited.getAgentFirstRep().getName()).startsWith(south);
    assertThat(audited.getEntityFirstRep().getWhat().getReference())
        .isEqualTo("Patient/" + northPatient);
  }

  /**
   * Lumbra keeps the portal's form sign-in out of /fhir (FhirSkipsFormSignIn): a signed-in session
   * is still no key to FHIR, which takes bearer tokens only, and the portal still signs its users
   * in.
   */
  @Test
  void aSignedInPortalSessionIsNoKeyToFhir() throws Exception {
    PortalSession session = new PortalSession(lumbra).signIn(north, PASSWORD);
    assertThat(session.get("/portal/patients.xhtml").body()).contains(northFamily);

    HttpResponse<String> fhir = session.get("/fhir/Patient/" + northPatient);

    assertThat(fhir.statusCode()).isEqualTo(401);
    assertThat(fhir.body()).contains("OperationOutcome").doesNotContain(northFamily);
  }

  @Test
  void aPatientCreatedByARegisteredClientJoinsTheClientsCareTeam() throws Exception {
    BackendClient ehr = BackendClient.register(lumbra, "system/*.cruds", northTeam);
    String family = "Clientele" + suffix;
    String created = create(patient(family), ehr.accessToken(lumbra, "system/*.cruds"));

    assertThat(get("/fhir/Patient/" + created, user(north)).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = get("/fhir/Patient/" + created, user(south));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain(family);
    assertThat(
            AuditEvents.newestDenied(lumbra, 1).get(0).getEntityFirstRep().getWhat().getReference())
        .isEqualTo("Patient/" + created);

    // A system token of no registered client names no team: the patient is nobody's (admins').
    String unassigned = create(patient("Teamless" + suffix), TestTokens.system());
    assertThat(get("/fhir/Patient/" + unassigned, user(north)).statusCode()).isEqualTo(403);
  }

  // --- The patient list counts only what the user may see --------------------------------------

  @Test
  void aUserTokensPatientSearchFindsAndCountsOnlyItsCareTeamsPatients() throws Exception {
    HttpResponse<String> other = get("/fhir/Patient?name=" + northFamily, user(south));
    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    Bundle none = FHIR.newJsonParser().parseResource(Bundle.class, other.body());
    assertThat(none.getTotal()).isZero();
    assertThat(none.getEntry()).isEmpty();
    // The self link echoes the query; nothing else of the patient is there.
    assertThat(other.body()).doesNotContain(northPatient).doesNotContain("\"family\"");

    Bundle own =
        FHIR.newJsonParser()
            .parseResource(
                Bundle.class, get("/fhir/Patient?name=" + northFamily, user(north)).body());
    assertThat(own.getTotal()).isEqualTo(1);
    assertThat(own.getEntryFirstRep().getResource().getIdElement().getIdPart())
        .isEqualTo(northPatient);
  }

  @Test
  void thePatientListCountsAndShowsOnlyTheCareTeamsPatients() throws Exception {
    PortalSession southSession = new PortalSession(lumbra).signIn(south, PASSWORD);
    String searched = southSession.get("/portal/patients.xhtml?q=" + northFamily).body();
    assertThat(searched).contains("0 patients found").doesNotContain(northPatient);
    String everybody = southSession.get("/portal/patients.xhtml").body();
    assertThat(everybody).contains("1 patient found").doesNotContain(northPatient);

    String own =
        new PortalSession(lumbra)
            .signIn(north, PASSWORD)
            .get("/portal/patients.xhtml?q=" + northFamily)
            .body();
    assertThat(own).contains("1 patient found").contains("chart.xhtml?patient=" + northPatient);
  }

  // --- FHIR updates: the stored resource's patient counts, not only the one sent -----------------

  @Test
  void aClinicianCannotRewriteAnotherTeamsPlanByNamingAPatientOfTheirOwn() throws Exception {
    HttpResponse<String> before = get("/fhir/CarePlan/" + northPlan, user(north));
    assertThat(before.statusCode()).isEqualTo(200);
    CarePlan stored = FHIR.newJsonParser().parseResource(CarePlan.class, before.body());

    CarePlan forged = FHIR.newJsonParser().parseResource(CarePlan.class, plan(southPatient));
    forged.setId(northPlan);
    forged.setTitle("Rewritten by another team " + suffix);
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/CarePlan/" + northPlan))
                .header("Accept", "application/fhir+json")
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + user(south))
                .header("If-Match", "W/\"" + stored.getMeta().getVersionId() + "\"")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(forged)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(put.statusCode()).as(put.body()).isBetween(400, 499);
    assertThat(put.body()).contains("OperationOutcome").doesNotContain(northFamily);
    CarePlan after =
        FHIR.newJsonParser()
            .parseResource(CarePlan.class, get("/fhir/CarePlan/" + northPlan, user(north)).body());
    assertThat(after.getMeta().getVersionId()).isEqualTo(stored.getMeta().getVersionId());
    assertThat(after.getTitle()).isEqualTo(stored.getTitle());
    assertThat(after.getSubject().getReferenceElement().getIdPart()).isEqualTo(northPatient);
  }

  // --- Output escaping -------------------------------------------------------------------------

  @Test
  void aPatientNamedLikeAScriptIsShownAsText() throws Exception {
    String script = "<script>alert(1)</script>";
    Patient hostile = patient(script);
    hostile.getNameFirstRep().getGiven().clear();
    hostile.getNameFirstRep().addGiven("<svg/onload=alert(2)>");
    String id = create(hostile, user(north));

    PortalSession session = new PortalSession(lumbra).signIn(north, PASSWORD);
    for (String page :
        List.of(
            "/portal/patients.xhtml?q=" + URLEncoder.encode(script, StandardCharsets.UTF_8),
            "/portal/chart.xhtml?patient=" + id,
            "/portal/patient.xhtml?id=" + id)) {
      HttpResponse<String> response = session.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.body())
          .as(page)
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain(script)
          .doesNotContain("<svg/onload");
    }
  }

  // --- CSRF: forged posts store nothing --------------------------------------------------------

  @Test
  void aFormPostWithoutTheViewStateIsRefusedAndStoresNothing() throws Exception {
    PortalSession session = new PortalSession(lumbra).signIn(north, PASSWORD);
    String family = "Forged" + suffix;

    HttpResponse<String> forged = session.post("/portal/patient.xhtml", newPatientForm(family));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Location")).isEmpty();
    assertThat(patientsNamed(family)).isZero();
    AuditEvent audited = AuditEvents.newestDenied(lumbra, 1).get(0);
    assertThat(audited.getAgentFirstRep().getName()).isEqualTo(north);
    assertThat(AuditEvents.what(audited)).isEqualTo("POST /portal/patient.xhtml");
    assertThat(audited.getOutcomeDesc()).contains("(403)").contains("view state");
  }

  @Test
  void aFormPostWithAMadeUpViewStateStoresNothing() throws Exception {
    PortalSession session = new PortalSession(lumbra).signIn(north, PASSWORD);
    String family = "Madeup" + suffix;
    Map<String, String> form = newPatientForm(family);
    form.put(PortalSession.VIEW_STATE, "-4242424242424242424:1234567890123456789");

    HttpResponse<String> forged = session.post("/portal/patient.xhtml", form);

    assertThat(forged.statusCode()).isNotIn(200, 302, 303);
    assertThat(forged.body()).doesNotContain(family);
    assertThat(patientsNamed(family)).isZero();
    List<AuditEvent> recorded = AuditEvents.search(lumbra, "agent-name=" + north + "&_count=5");
    assertThat(recorded.get(0).getOutcome()).isNotEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(AuditEvents.what(recorded.get(0))).isEqualTo("POST /portal/patient.xhtml");
  }

  @Test
  void aPostFromAnotherSiteWithoutTheSessionStoresNothing() throws Exception {
    String family = "Crosssite" + suffix;
    Map<String, String> form = newPatientForm(family);
    form.put(PortalSession.VIEW_STATE, "stolen-or-guessed");
    HttpResponse<String> anonymous = new PortalSession(lumbra).post("/portal/patient.xhtml", form);

    assertThat(anonymous.statusCode()).isIn(302, 303, 401, 403);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("login.xhtml");
    assertThat(patientsNamed(family)).isZero();
  }

  // --- The care-team right is checked again on submit -------------------------------------------

  @Test
  void aSubmissionForAnotherTeamsPatientIsRefusedAndChangesNothing() throws Exception {
    PortalSession session = new PortalSession(lumbra).signIn(north, PASSWORD);
    HttpResponse<String> chart =
        session.get("/portal/chart.xhtml?patient=" + northPatient + "&plan=" + northPlan);
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.body()).contains("actions:activate");
    String action = action(chart.body());

    // The page's own view state, but the submission names the other team's patient and plan.
    Map<String, String> forged = activateForm(chart.body());
    forged.put("patient", southPatient);
    forged.put("plan", southPlan);
    HttpResponse<String> refused = session.post(action, forged);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("Southgate");
    assertThat(planStatus(southPlan)).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
    assertThat(planStatus(northPlan)).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
    AuditEvent audited = AuditEvents.newestDenied(lumbra, 1).get(0);
    assertThat(audited.getAgentFirstRep().getName()).isEqualTo(north);
    assertThat(audited.getEntityFirstRep().getWhat().getReference())
        .isEqualTo("Patient/" + southPatient);
    assertThat(AuditEvents.what(audited)).startsWith("POST /portal/chart.xhtml");
    // Refused by the page on submit (the posted path names no patient; its body does).
    assertThat(audited.getOutcomeDesc())
        .contains("(403)")
        .contains("another care team (form submission)");

    // The same form for the clinician's own patient goes through.
    HttpResponse<String> fresh =
        session.get("/portal/chart.xhtml?patient=" + northPatient + "&plan=" + northPlan);
    HttpResponse<String> allowed = session.post(action(fresh.body()), activateForm(fresh.body()));
    assertThat(allowed.statusCode()).as(allowed.body()).isIn(302, 303);
    assertThat(planStatus(northPlan)).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
  }

  private static Map<String, String> activateForm(String chartPage) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("actions", "actions");
    form.put("actions:activate", "Activate");
    form.put(PortalSession.VIEW_STATE, PortalSession.viewState(chartPage));
    return form;
  }

  private static String action(String page) {
    Matcher matcher = FORM_ACTION.matcher(page);
    assertThat(matcher.find()).as("the chart has the actions form").isTrue();
    return URI.create(matcher.group(1).replace("&amp;", "&")).getRawPath();
  }

  private static Map<String, String> newPatientForm(String family) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("f", "f");
    form.put("f:familyName", family);
    form.put("f:givenNames", "Fay");
    form.put("f:birthDate", "1979-09-09");
    form.put("f:onsetType", "CHRONIC");
    form.put("f:onsetDate", "2026-01-05");
    form.put("f:painScore", "7");
    form.put("f:severity", "SEVERE");
    form.put("f:save", "Save");
    return form;
  }

  private String user(String username) {
    return TestTokens.mint(
        TestTokens.claims("user/*.cruds")
            .subject(username)
            .claim("client_id", "portal-sso")
            .build());
  }

  private static Patient patient(String family) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MRN).setValue("MRN-" + UUID.randomUUID());
    patient.addName().setFamily(family).addGiven("Sam");
    patient.setGender(AdministrativeGender.OTHER);
    patient.setBirthDateElement(new DateType("1975-02-03"));
    return patient;
  }

  private static String plan(String patientId) {
    try (InputStream in =
        PortalFormSecurityIT.class.getClassLoader().getResourceAsStream("fhir/careplan.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${patient}", patientId)
          .replace("${status}", "draft");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String create(Resource resource, String token) throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/" + resource.fhirType()))
                .header("Accept", "application/fhir+json")
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(resource)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new IdType(created.headers().firstValue("Location").orElseThrow()).getIdPart();
  }

  private int patientsNamed(String family) {
    return lumbra
        .fhirClient()
        .search()
        .byUrl("Patient?name=" + family)
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  private CarePlan.CarePlanStatus planStatus(String planId) {
    return lumbra.fhirClient().read().resource(CarePlan.class).withId(planId).execute().getStatus();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(lumbra.uri(path))
            .header("Accept", "application/fhir+json")
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
