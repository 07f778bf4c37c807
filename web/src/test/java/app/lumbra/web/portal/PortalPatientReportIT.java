package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.fhir.FhirClients;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * OUT-5 in a real browser: the clinician issues a personal link from the chart; the patient opens
 * it on a phone (390 px wide, not signed in), reports pain, medication and an adverse response; the
 * chart shows the readings as patient-reported with an alert. A made-up link is refused in words.
 */
@ExtendWith(SharedLumbra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalPatientReportIT {

  private static Browser clinician;
  private static Browser phone;
  private static String chartUrl;
  private static String link;
  private static LumbraProcess lumbra;

  @BeforeAll
  static void signInWithAnActivePlan(LumbraProcess server) throws Exception {
    lumbra = server;
    String family = "Phone" + UUID.randomUUID().toString().substring(0, 6);
    Patient patient = new Patient();
    patient.addIdentifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue("MRN-" + family);
    patient.addName().setFamily(family).addGiven("Pia");
    String patientId =
        FhirClients.client(server).create().resource(patient).execute().getId().getIdPart();
    chartUrl = "/portal/chart.xhtml?patient=" + patientId + "&plan=" + createActivePlan(patientId);
    clinician = new Browser(server);
    String[] admin = Browser.administrator(server);
    clinician.signIn(admin[0], admin[1]);
    phone = new Browser(server);
    phone.driver.manage().window().setSize(new Dimension(390, 844));
  }

  @AfterAll
  static void closeBrowsers() throws IOException {
    if (clinician != null) {
      clinician.close();
    }
    if (phone != null) {
      phone.close();
    }
  }

  @Test
  @Order(1)
  void OUT5_theClinicianIssuesAPersonalLink() {
    clinician.open(chartUrl);
    clinician.click("actions:patient-link");
    link = clinician.byId("patient-link-url").getText();
    assertThat(link).contains("/report/index.xhtml?t=");
  }

  @Test
  @Order(2)
  void OUT5_thePatientReportsOnAPhoneWithoutSigningIn() throws Exception {
    phone.driver.get(link);
    assertThat(phone.byId("report-for").getText()).contains("Pia");
    Object overflow =
        ((JavascriptExecutor) phone.driver)
            .executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(false);
    phone.set("report:pain", "4");
    // The browser's own range check would stop the form; the server's must refuse it too.
    ((JavascriptExecutor) phone.driver)
        .executeScript("document.getElementById('report:medicationDoses').removeAttribute('max');");
    phone.set("report:medicationDoses", "25");
    phone.click("report:send");
    assertThat(phone.text()).contains("'25' is not allowed").contains("0 to 20");

    phone.set("report:medicationDoses", "2");
    phone.select("report:adverseResponse", "BRUISING");
    phone.type("report:note", "Small bruise on the left");
    Object height =
        ((JavascriptExecutor) phone.driver).executeScript("return document.body.scrollHeight;");
    phone.driver.manage().window().setSize(new Dimension(390, ((Number) height).intValue() + 140));
    phone.screenshot("patient-report-390.png");
    phone.driver.manage().window().setSize(new Dimension(390, 844));
    phone.click("report:send");
    assertThat(phone.byId("report-sent").getText()).contains("Thank you");
    phone.screenshot("patient-report-sent-390.png");
    assertThat(phone.inlineScripts()).isZero();
  }

  @Test
  @Order(3)
  void OUT5_theChartShowsTheReportAsPatientReportedWithAnAlert() {
    clinician.open(chartUrl);
    String symptoms = clinician.byId("symptoms").getText();
    assertThat(symptoms).contains("Patient-reported (home diary)").contains("2 doses");
    assertThat(clinician.byId("chart-alert-list").getText())
        .contains("New report from the patient")
        .contains("Adverse response after a session");
  }

  @Test
  @Order(4)
  void OUT5_aMadeUpLinkIsRefusedInWords() {
    phone.driver.get(lumbra.baseUrl() + "/report/index.xhtml?t=made-up");
    assertThat(phone.byId("link-refused").getText())
        .isEqualTo("This link has expired or is not valid. Please ask your clinic for a new link.");
    assertThat(phone.all(By.id("report"))).isEmpty();
  }

  @Test
  @Order(5)
  void OUT5_aWithdrawnLinkSaysTheClinicWithdrewIt() {
    clinician.open(chartUrl);
    clinician.click("actions:revoke-patient-links");
    assertThat(clinician.byId("links-revoked").getText()).contains("Patient links withdrawn: 1");

    phone.driver.get(link);
    assertThat(phone.byId("link-refused").getText())
        .isEqualTo(
            "Your clinic has withdrawn this link. Please ask your clinic for a new link if you"
                + " still want to report.");
    assertThat(phone.all(By.id("report"))).isEmpty();
  }

  private static String createActivePlan(String patientId) throws IOException {
    String plan;
    try (InputStream in =
        PortalPatientReportIT.class.getClassLoader().getResourceAsStream("fhir/careplan.json")) {
      plan =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${patient}", patientId)
              .replace("${status}", "active");
    }
    return FhirClients.client(lumbra)
        .create()
        .resource(FhirContext.forR4Cached().newJsonParser().parseResource(CarePlan.class, plan))
        .execute()
        .getId()
        .getIdPart();
  }
}
