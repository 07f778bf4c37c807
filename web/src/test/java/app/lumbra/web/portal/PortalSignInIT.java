package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in, sign-out, and what stays open without signing in. */
@ExtendWith(SharedLumbra.class)
class PortalSignInIT {

  private static Browser browser;
  private static String[] admin;

  @BeforeAll
  static void openBrowser(LumbraProcess server) throws Exception {
    browser = new Browser(server);
    admin = Browser.administrator(server);
    browser.openSignInPage();
  }

  @AfterAll
  static void closeBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void portalPagesAskForSignInFirst() {
    browser.open("/portal/patients.xhtml");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/login.xhtml");
  }

  @Test
  void aWrongPasswordIsRefusedInPlainWords() throws Exception {
    browser.signIn(admin[0], "not the password at all");
    assertThat(browser.text()).contains("The user name or password is not right");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/login.xhtml");
    browser.screenshot("sign-in.png");
  }

  @Test
  void theFirstAdministratorSignsInAndOut() {
    browser.signIn(admin[0], admin[1]);
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/patients.xhtml");
    assertThat(browser.byId("current-user").getText()).isEqualTo(admin[0]);
    assertThat(browser.inlineScripts()).isZero();
    browser.click("signout:signOut");
    assertThat(browser.byId("signed-out").getText()).contains("signed out");
    browser.open("/portal/patients.xhtml");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/login.xhtml");
  }

  @Test
  void fhirAndHealthNeedNoPortalSignIn(LumbraProcess server) throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    for (String path : new String[] {"/fhir/metadata", "/health/ready"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(server.uri(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void theUnfilteredPatientListPagesForward(LumbraProcess server) {
    // More than one page (20) of patients, and no search query: the paging links must still work.
    var fhir = server.fhirClient();
    for (int i = 0; i < 21; i++) {
      Patient patient = new Patient();
      patient.addIdentifier().setSystem("urn:lumbra:it:paging").setValue("PAGE-" + i);
      patient.addName().setFamily("Pager" + i).addGiven("Pat");
      patient.setBirthDateElement(new DateType("1990-01-01"));
      fhir.create().resource(patient).execute();
    }
    browser.signIn(admin[0], admin[1]);
    browser.open("/portal/patients.xhtml");

    assertThat(browser.text()).doesNotContain("Something went wrong");
    browser.click("next");
    assertThat(browser.driver.getCurrentUrl()).contains("page=");
    assertThat(browser.text()).doesNotContain("Something went wrong");
    browser.click("signout:signOut");
  }
}
