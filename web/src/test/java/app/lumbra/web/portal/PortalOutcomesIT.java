package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.fhir.FhirClients;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * OUT-1..OUT-3 in a real browser: a patient whose plan began in March with pain 7 and an Oswestry
 * of 40 % (sent by the EHR) is reassessed today (pain 2, Oswestry 20 %): the overdue reassessment
 * leaves the alert list, progress names pain and function as improved, the function chart is drawn,
 * and discharge completes the plan with a printable summary.
 */
@ExtendWith(SharedLumbra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalOutcomesIT {

  private static Browser browser;
  private static String chartUrl;
  private static String patientId;
  private static String planId;
  private static LumbraProcess lumbra;

  @BeforeAll
  static void signInWithAnActivePlanBegunInMarch(LumbraProcess server) throws Exception {
    lumbra = server;
    IGenericClient client = FhirClients.client(server);
    String family = "Outcome" + UUID.randomUUID().toString().substring(0, 6);
    Patient patient = new Patient();
    patient.addIdentifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue("MRN-" + family);
    patient.addName().setFamily(family).addGiven("Olga");
    patientId = client.create().resource(patient).execute().getId().getIdPart();
    planId = createActivePlan(patientId);
    reading(client, patientId, "72514-3", 7, "{score}");
    reading(client, patientId, "97909-6", 40, "%");
    chartUrl = "/portal/chart.xhtml?patient=" + patientId + "&plan=" + planId;
    browser = new Browser(server);
    String[] admin = Browser.administrator(server);
    browser.signIn(admin[0], admin[1]);
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void OUT2_anOverdueReassessmentIsRecordedWithPainFunctionAndTheScreen() throws Exception {
    browser.open(chartUrl);
    assertThat(browser.byId("reassessment-status").getText()).startsWith("Overdue: was due");
    assertThat(browser.byId("chart-alert-list").getText()).contains("Reassessment overdue");

    browser.click("reassess");
    browser.set("reassessment:pain", "2");
    browser.select("reassessment:functionMeasure", "OSWESTRY");
    browser.set("reassessment:functionScore", "130");
    browser.click("reassessment:record-reassessment");
    assertThat(browser.text()).contains("Score: '130' is not allowed. Allowed: an integer from 0");
    assertThat(browser.byId("no-reassessments").getText()).isEqualTo("None yet.");

    browser.set("reassessment:functionScore", "20");
    browser.click("reassessment:record-reassessment");

    assertThat(browser.byId("reassessment-status").getText()).startsWith("Next due");
    assertThat(browser.byId("chart-alert-list").getText()).doesNotContain("Reassessment overdue");
    assertThat(browser.byId("chart-screen").getText()).contains("clear");
  }

  @Test
  @Order(2)
  void OUT1_progressNamesEveryImprovedMeasureAndFunctionIsChartedNextToPain() throws Exception {
    browser.open(chartUrl);
    assertThat(browser.byId("outcome-summary").getText())
        .isEqualTo("Improved: pain, Oswestry disability (ODI).");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("#measures tr[data-measure='OSWESTRY']"))
                .getText())
        .contains("40.0")
        .contains("20.0")
        .contains("Improved");
    assertThat(browser.byId("function-chart").getAttribute("data-drawn")).isEqualTo("true");
    assertThat(browser.byId("function-chart").getAttribute("data-chart"))
        .contains("\"bandLow\":30.0")
        .contains("\"bandHigh\":50.0");
    assertThat(browser.byId("discharge-suggestions").getText()).contains("the goal was met");
    assertThat(browser.inlineScripts()).isZero();
    browser.screenshotOf("progress-title", "outcomes-progress.png");
    browser.screenshotOf("pain-title", "outcomes-function-chart.png");
  }

  @Test
  @Order(3)
  void OUT3_dischargeCompletesThePlanWithAPrintableSummary() throws Exception {
    browser.open(chartUrl);
    browser.click("discharge");
    assertThat(browser.byId("suggestions").getText()).contains("the goal was met");
    browser.select("discharge:reason", "GOAL_MET");
    browser.click("discharge:confirm-discharge");

    assertThat(browser.byId("summary-lines").getText())
        .contains("Discharged because the goal was met")
        .contains("Pain (0–10): 7.0 at baseline, 2.0 at discharge.")
        .contains("Function (Oswestry disability (ODI)): 40.0 at baseline, 20.0 at discharge.")
        .contains("Sessions attended: 0 of");
    browser.screenshot("discharge-summary.png");
    browser.emulatePrint(true);
    try {
      Object header =
          ((JavascriptExecutor) browser.driver)
              .executeScript(
                  "return getComputedStyle(document.querySelector('header.top')).display;");
      assertThat(header).isEqualTo("none");
      assertThat(browser.byId("print").isDisplayed()).isFalse();
      browser.screenshot("discharge-summary-print.png");
    } finally {
      browser.emulatePrint(false);
    }

    browser.click("back-to-chart");
    assertThat(browser.byId("plan-status").getText()).isEqualTo("Completed");
    assertThat(browser.byId("discharged").getText()).contains("the goal was met");
    assertThat(browser.all(By.id("discharge"))).isEmpty();
  }

  @Test
  @Order(4)
  void OUT3_theDischargeSummaryIsOnPatientEverythingAsOnARead() {
    IGenericClient client = FhirClients.client(lumbra);
    Bundle everything =
        client
            .operation()
            .onInstance(new IdType("Patient", patientId))
            .named("$everything")
            .withNoParameters(Parameters.class)
            .returnResourceType(Bundle.class)
            .useHttpGet()
            .execute();

    CarePlan plan =
        everything.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(CarePlan.class::isInstance)
            .map(CarePlan.class::cast)
            .filter(candidate -> candidate.getIdElement().getIdPart().equals(planId))
            .findFirst()
            .orElseThrow();
    assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
    assertThat(plan.getText().getDivAsString()).contains("Discharge summary");
    assertThat(plan.getActivity())
        .anySatisfy(activity -> assertThat(activity.getOutcomeReference()).isNotEmpty());
  }

  /** The chronic-pain plan of {@code fhir/careplan.json} (March to April 2026), active. */
  private static String createActivePlan(String patientId) throws IOException {
    String plan;
    try (InputStream in =
        PortalOutcomesIT.class.getClassLoader().getResourceAsStream("fhir/careplan.json")) {
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

  /** A diary reading on the plan's second day, as an EHR sends it (LOINC code). */
  private static void reading(
      IGenericClient client, String patientId, String loinc, int value, String unit)
      throws IOException {
    String json;
    try (InputStream in =
        PortalOutcomesIT.class.getClassLoader().getResourceAsStream("fhir/observation-pain.json")) {
      json =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${patient}", patientId)
              .replace("${date}", "2026-03-03T09:00:00+01:00")
              .replace("${value}", Integer.toString(value))
              .replace("\"72514-3\"", "\"" + loinc + "\"")
              .replace("\"unit\": \"{score}\"", "\"unit\": \"" + unit + "\"")
              .replace("\"code\": \"{score}\"", "\"code\": \"" + unit + "\"");
    }
    client
        .create()
        .resource(FhirContext.forR4Cached().newJsonParser().parseResource(Observation.class, json))
        .execute();
  }
}
