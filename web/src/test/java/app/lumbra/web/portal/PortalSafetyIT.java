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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * SAFE-1 and SAFE-4 in a real browser: a positive red-flag screen blocks activating the plan with
 * the referral, and the alert is on the chart and on "Needs attention", red flags first, until it
 * is acknowledged with a note.
 */
@ExtendWith(SharedLumbra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalSafetyIT {

  private static Browser browser;
  private static String family;
  private static String chartUrl;
  private static String patientId;
  private static LumbraProcess lumbra;
  private static final String PASSWORD = "needs-attention-password-1";

  @BeforeAll
  static void signInWithADraftPlan(LumbraProcess server) throws Exception {
    lumbra = server;
    IGenericClient client = FhirClients.client(server);
    family = "Redflag" + UUID.randomUUID().toString().substring(0, 6);
    Patient patient = new Patient();
    patient.addIdentifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue("MRN-" + family);
    patient.addName().setFamily(family).addGiven("Ines");
    patientId = client.create().resource(patient).execute().getId().getIdPart();
    chartUrl = "/portal/chart.xhtml?patient=" + patientId + "&plan=" + createDraftPlan(patientId);
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
  void safe1APositiveScreenBlocksActivationWithTheReferral() throws Exception {
    browser.open(chartUrl);
    assertThat(browser.byId("plan-status").getText()).isEqualTo("Draft");
    assertThat(browser.byId("chart-screen").getText()).contains("not recorded");
    browser.click("safety-checks");
    browser.tick("screen:positive", "Saddle numbness", true);
    browser.click("screen:record-screen");
    assertThat(browser.byId("referral").getText())
        .isEqualTo(
            "Refer for urgent medical assessment: suspected cauda equina syndrome (saddle"
                + " numbness).");
    browser.screenshot("red-flag-screen.png");
    // The screen recorded in the portal is exchanged over FHIR as the panel EHRs send.
    Bundle panels =
        FhirClients.client(lumbra)
            .search()
            .byUrl(
                "Observation?patient="
                    + patientId
                    + "&code=https://lumbra.app/fhir/CodeSystem/lumbra-red-flag|red-flag-screen")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(panels.getEntry()).hasSize(1);
    Observation panel = (Observation) panels.getEntryFirstRep().getResource();
    assertThat(panel.getBasedOnFirstRep().getReference()).startsWith("CarePlan/");
    assertThat(panel.getComponent()).hasSize(12);
    assertThat(panel.getComponent())
        .filteredOn(component -> component.getValueBooleanType().booleanValue())
        .extracting(component -> component.getCode().getCodingFirstRep().getCode())
        .containsExactly("SADDLE_NUMBNESS");

    browser.click("back-to-chart");
    assertThat(browser.byId("chart-referral").getText())
        .startsWith("Refer for urgent medical assessment");
    browser.click("actions:activate");

    assertThat(browser.byId("page-messages").getText())
        .contains("Refer for urgent medical assessment")
        .contains("Activating the plan is not possible while the red-flag screen is positive")
        .contains("(rule SAFE-1)");
    browser.open(chartUrl);
    assertThat(browser.byId("plan-status").getText()).isEqualTo("Draft");
    WebElement redFlag =
        browser.driver.findElement(By.cssSelector("#chart-alert-list li.kind-RED_FLAG"));
    assertThat(redFlag.getText())
        .containsIgnoringCase("Red flag")
        .contains("Red-flag screen positive: refer for urgent medical assessment");
    assertThat(browser.inlineScripts()).isZero();
  }

  @Test
  @Order(2)
  void safe4NeedsAttentionListsRedFlagsFirstAndAnAcknowledgedAlertLeavesIt() throws Exception {
    browser.open("/portal/patients.xhtml");
    browser.click("nav-attention");
    List<WebElement> items = browser.all(By.cssSelector("#attention-alerts > li"));
    List<String> kinds =
        items.stream()
            .map(item -> item.getAttribute("class").replaceAll(".*kind-([A-Z_]+).*", "$1"))
            .toList();
    assertThat(kinds).isSortedAccordingTo(Comparator.comparing(this::urgency));
    WebElement mine = mine("Red-flag screen positive");
    assertThat(mine.getAttribute("class")).contains("kind-RED_FLAG");
    assertThat(mine.getText()).containsIgnoringCase("Red flag").contains("saddle numbness");
    String alertId = mine.getAttribute("data-alert");
    browser.screenshot("needs-attention.png");
    // The rule id links to its text in the product rules (docs/RULES.md served at /portal/rules).
    String ruleLink = mine.findElement(By.cssSelector("a.rule-ref")).getAttribute("href");
    assertThat(ruleLink).endsWith("/portal/rules#safe-1");

    String note = mine.findElement(By.cssSelector("input[type=text]")).getAttribute("id");
    String acknowledge = mine.findElement(By.cssSelector("input[type=submit]")).getAttribute("id");
    browser.type(note, "Referred to the emergency department today");
    browser.click(acknowledge);

    assertThat(browser.all(By.cssSelector("#attention-alerts > li[data-alert='" + alertId + "']")))
        .isEmpty();
    assertThat(browser.text()).contains(family);
    browser.open(chartUrl);
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("#chart-alert-list li[data-alert='" + alertId + "']"))
                .getText())
        .contains("acknowledged by")
        .contains("Referred to the emergency department today");

    browser.driver.get(ruleLink);
    assertThat(browser.driver.findElements(By.id("safe-1"))).hasSize(1);
    assertThat(browser.text()).contains("SAFE-1 — Red-flag screen").contains("PLAN-3");
  }

  @Test
  @Order(3)
  void safe2AndSafe3TheChecklistAndAnAdverseResponseAreRecordedWithTheirAlerts() {
    browser.open(chartUrl);
    browser.click("safety-checks");
    browser.tick("checklist:present", "Pregnancy (precaution)", true);
    browser.click("checklist:save-checklist");
    assertThat(browser.byId("contraindications").getText())
        .contains("Pregnancy (clinician's checklist)")
        .contains("needs your confirmation");

    browser.select("adverse:adverseResponse", "BRUISING");
    browser.type("adverse:note", "Bruise over the left QL");
    browser.click("adverse:record-adverse");
    assertThat(browser.byId("responses").getText())
        .contains("Bruising")
        .contains("Bruise over the left QL");

    browser.click("back-to-chart");
    assertThat(browser.byId("chart-alert-list").getText())
        .contains("Adverse response after a session")
        .contains("Bruising noticed on")
        .contains("Precaution to confirm before treating");
  }

  @Test
  @Order(4)
  void safe4NeedsAttentionShowsOnlyTheClinicianOwnCareTeamsPatients() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String north = "north-attention-" + suffix;
    String south = "south-attention-" + suffix;
    openAccount(north, "north-attention-team-" + suffix);
    openAccount(south, "south-attention-team-" + suffix);
    browser.click("signout:signOut");

    String northPatient = "Northern" + suffix;
    browser.signIn(north, PASSWORD);
    browser.open("/portal/patient.xhtml");
    browser.type("f:familyName", northPatient);
    browser.select("f:onsetType", "UNKNOWN");
    browser.set("f:painScore", "6");
    browser.click("f:save");
    String patientId = browser.driver.getCurrentUrl().replaceAll(".*patient=([^&]+).*", "$1");
    createDraftPlan(patientId);
    browser.click("nav-attention");
    assertThat(browser.byId("attention-alerts").getText())
        .contains(northPatient)
        .contains("No red-flag screen recorded")
        .doesNotContain(family);
    browser.click("signout:signOut");

    browser.signIn(south, PASSWORD);
    browser.open("/portal/attention.xhtml");
    assertThat(browser.byId("main").getText()).doesNotContain(northPatient).doesNotContain(family);
  }

  private static void openAccount(String username, String team) {
    browser.open("/portal/admin/accounts.xhtml");
    browser.type("f:username", username);
    browser.type("f:displayName", "Clinician " + username);
    browser.type("f:password", PASSWORD);
    browser.select("f:role", "CLINICIAN");
    browser.type("f:careTeam", team);
    browser.click("f:open");
    assertThat(browser.text()).contains("Account " + username + " opened");
  }

  /** A draft of the chronic-pain plan of {@code fhir/careplan.json}, sent by the EHR. */
  private static String createDraftPlan(String patientId) throws IOException {
    String plan;
    try (InputStream in =
        PortalSafetyIT.class.getClassLoader().getResourceAsStream("fhir/careplan.json")) {
      plan =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${patient}", patientId)
              .replace("${status}", "draft");
    }
    return FhirClients.client(lumbra)
        .create()
        .resource(FhirContext.forR4Cached().newJsonParser().parseResource(CarePlan.class, plan))
        .execute()
        .getId()
        .getIdPart();
  }

  private int urgency(String kind) {
    return switch (kind) {
      case "RED_FLAG" -> 0;
      case "REVIEW" -> 1;
      default -> 2;
    };
  }

  /** This test's patient's alert whose title starts so. */
  private static WebElement mine(String title) {
    return browser.all(By.cssSelector("#attention-alerts > li")).stream()
        .filter(item -> item.getText().contains(family) && item.getText().contains(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no alert '" + title + "' for " + family));
  }
}
