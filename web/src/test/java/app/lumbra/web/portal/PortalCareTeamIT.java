package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import app.lumbra.web.it.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Care teams: a clinician sees only the patients of their own care team, in the portal and through
 * user/ tokens; the refusal shows the portal's error page, leaks nothing, and is in the audit
 * trail.
 */
@ExtendWith(SharedLumbra.class)
class PortalCareTeamIT {

  private static final String PASSWORD = "care-team-password-1";
  private static Browser browser;
  private static LumbraProcess server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void openBrowser(LumbraProcess lumbra) throws Exception {
    server = lumbra;
    browser = new Browser(lumbra);
    browser.openSignInPage();
  }

  @AfterAll
  static void closeBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aClinicianCannotOpenAnotherTeamsPatient() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String north = "north-" + suffix;
    String south = "south-" + suffix;
    String[] admin = Browser.administrator(server);
    signIn(admin[0], admin[1]);
    openAccount(north, "north-team-" + suffix);
    openAccount(south, "south-team-" + suffix);
    signOut();

    String familyName = "Teamed" + suffix;
    signIn(north, PASSWORD);
    assertThat(browser.driver.getCurrentUrl()).as(browser.text()).doesNotContain("login.xhtml");
    browser.open("/portal/patient.xhtml");
    browser.type("f:familyName", familyName);
    browser.type("f:givenNames", "Noor");
    browser.set("f:birthDate", "1979-09-09");
    browser.select("f:onsetType", "CHRONIC");
    browser.set("f:onsetDate", "2026-01-05");
    browser.set("f:painScore", "7");
    browser.select("f:severity", "SEVERE");
    browser.click("f:save");
    awaitUrl(url -> url.contains("/portal/chart.xhtml"));
    String chart = browser.driver.getCurrentUrl();
    assertThat(chart).contains("/portal/chart.xhtml?patient=");
    String patientId = URI.create(chart).getQuery().replaceAll(".*patient=([^&]+).*", "$1");
    assertThat(browser.text()).contains(familyName);
    signOut();

    signIn(south, PASSWORD);
    browser.open("/portal/chart.xhtml?patient=" + patientId);
    assertThat(browser.driver.getPageSource()).doesNotContain(familyName).contains("Not allowed");
    browser.open("/portal/patient.xhtml?id=" + patientId);
    assertThat(browser.driver.getPageSource()).doesNotContain(familyName);
    browser.open("/portal/patients.xhtml?q=" + familyName);
    // The search box echoes the query; no result row may name the patient.
    assertThat(browser.all(By.partialLinkText(familyName))).isEmpty();
    assertThat(browser.byId("main").getText()).doesNotContain(familyName + ", Noor");
    signOut();

    assertThat(fhirStatus("/fhir/Patient/" + patientId, user(south))).isEqualTo(403);
    assertThat(fhirStatus("/fhir/Patient/" + patientId + "/$everything", user(south)))
        .isEqualTo(403);
    assertThat(fhirStatus("/fhir/Patient/" + patientId, user(north))).isEqualTo(200);
    assertThat(fhirStatus("/fhir/Patient/" + patientId, user(admin[0]))).isEqualTo(200);

    HttpResponse<String> audit =
        get(
            "/fhir/AuditEvent?patient=" + patientId + "&outcome=4&_count=50",
            TestTokens.withScopes("system/AuditEvent.rs"));
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(audit.body())
        .contains("\"name\":\"" + south + "\"")
        .contains("PORTAL")
        .contains("FHIR");

    signIn(admin[0], admin[1]);
    browser.open("/portal/admin/audit.xhtml?patient=" + patientId);
    assertThat(browser.byId("audit").getText()).contains(south).contains("DENIED").contains(north);
    signOut();
  }

  /** Signs in and waits for the portal, so the next navigation does not race the redirect. */
  private static void signIn(String username, String password) {
    browser.signIn(username, password);
    awaitUrl(url -> !url.contains("login.xhtml"));
  }

  private static void signOut() {
    browser.click("signout:signOut");
    awaitUrl(url -> url.contains("login.xhtml"));
  }

  private static void awaitUrl(Predicate<String> condition) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(driver -> condition.test(driver.getCurrentUrl()));
  }

  private static void openAccount(String username, String team) {
    browser.open("/portal/admin/accounts.xhtml");
    browser.type("f:username", username);
    browser.type("f:displayName", "Clinician " + username);
    browser.type("f:password", PASSWORD);
    browser.select("f:role", "CLINICIAN");
    browser.type("f:careTeam", team);
    browser.click("f:open");
    assertThat(browser.text()).as(browser.text()).contains("Account " + username + " opened");
  }

  private static String user(String username) {
    return TestTokens.mint(
        TestTokens.claims("user/*.read")
            .subject(username)
            .claim("client_id", "portal-sso")
            .build());
  }

  private int fhirStatus(String path, String token) throws Exception {
    return get(path, token).statusCode();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Accept", "application/fhir+json")
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
