package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.fhir.FhirClients;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * One clinician's day in the portal, in a real browser: a new patient with low-back pain, a plan
 * from the recommendation (PLAN-13), a session recorded (OBS-3), the chart with the pain chart and
 * an alert (PROG-6), and a rejected form that stores nothing (OBS-4).
 */
@ExtendWith(SharedLumbra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalCareJourneyIT {

  private static final LocalDate TODAY = LocalDate.now();
  private static Browser browser;
  private static String familyName;
  private static String chartUrl;

  @BeforeAll
  static void signIn(LumbraProcess server) throws Exception {
    browser = new Browser(server);
    String[] admin = Browser.administrator(server);
    browser.signIn(admin[0], admin[1]);
    familyName = "Okafor" + UUID.randomUUID().toString().substring(0, 6);
  }

  @AfterAll
  static void closeBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void aPatientFormWithNeitherNameNorIdentifierSavesNothingAndSaysWhy() {
    browser.open("/portal/patient.xhtml");
    browser.set("f:birthDate", "1981-04-12");
    browser.select("f:onsetType", "FLARE_UP");
    browser.set("f:onsetDate", TODAY.minusWeeks(4).toString());
    browser.click("f:save");
    // FHIR-6: a family name, a given name or an identifier is enough; none of them is not.
    assertThat(browser.byId("page-messages").getText())
        .contains("at least a family name, a given name or an identifier");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/patient.xhtml");
  }

  @Test
  @Order(1)
  void aPatientKnownOnlyByFamilyNameIsRegisteredWithoutBirthDate() {
    String onlyFamily = "Nakamura" + UUID.randomUUID().toString().substring(0, 6);
    browser.open("/portal/patient.xhtml");
    browser.type("f:familyName", onlyFamily);
    browser.select("f:onsetType", "UNKNOWN");
    browser.set("f:painScore", "5");
    browser.click("f:save");
    // FHIR-6: no given name, no birth date, no onset date; the chart says what is not known.
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/chart.xhtml");
    assertThat(browser.byId("patient-name").getText()).isEqualTo(onlyFamily);
    assertThat(browser.byId("patient-born").getText())
        .contains("Date of birth not recorded, age not known");
    assertThat(browser.text()).contains("Onset not known");
    browser.open("/portal/patients.xhtml?q=" + onlyFamily);
    assertThat(browser.text()).contains(onlyFamily).contains("not recorded");
  }

  @Test
  @Order(2)
  void aClinicianRegistersAPatientWithLowBackPain() throws Exception {
    browser.open("/portal/patient.xhtml");
    browser.type("f:familyName", familyName);
    browser.type("f:givenNames", "Amara");
    browser.set("f:birthDate", "1981-04-12");
    browser.type("f:identifiers", "MRN-" + familyName);
    browser.select("f:onsetType", "FLARE_UP");
    browser.set("f:onsetDate", TODAY.minusWeeks(4).toString());
    browser.set("f:painScore", "7");
    browser.select("f:severity", "SEVERE");
    browser.tick("f:structuralCauses", "Disc herniation", true);
    browser.screenshot("patient-form.png");
    browser.click("f:save");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/chart.xhtml");
    assertThat(browser.byId("patient-name").getText()).isEqualTo(familyName + ", Amara");

    browser.open("/portal/patients.xhtml?q=" + familyName.substring(0, 8));
    assertThat(browser.text()).contains(familyName + ", Amara");
    browser.open("/portal/patients.xhtml?q=MRN-" + familyName);
    assertThat(browser.text()).contains(familyName + ", Amara").contains("1 patient found");
  }

  @Test
  @Order(3)
  void aPlanIsCreatedFromTheRecommendation() throws Exception {
    browser.open("/portal/patients.xhtml?q=" + familyName);
    browser.driver.findElement(By.linkText(familyName + ", Amara")).click();
    browser.click("new-plan");
    browser.type("f:exerciseProgramme", "McKenzie extension exercises daily, PT twice a week");
    browser.click("f:recommend");
    // PLAN-13: phases, spacing, monthly figures, warnings (PLAN-11 for the disc herniation).
    assertThat(browser.all(By.cssSelector("#f\\:phases tbody tr"))).isNotEmpty();
    assertThat(browser.byId("months").getText()).contains("Total");
    assertThat(browser.byId("first-sessions").getText()).contains("min");
    assertThat(browser.text()).contains("PLAN-11");
    assertThat(browser.inlineScripts()).isZero();
    browser.screenshotOf("f:proposal", "plan-recommendation.png");

    // PLAN-13: Re-check recomputes everything it shows from the edited phases: the sessions
    // booked, the per-phase figures and the monthly figures.
    String perWeek = browser.byId("f:phases:0:sessionsPerPeriod").getAttribute("value");
    String sessionsBefore = browser.byId("first-sessions").getText();
    String monthsBefore = browser.byId("months").getText();
    browser.set("f:phases:0:sessionsPerPeriod", "1");
    browser.click("f:recheck");
    assertThat(browser.byId("first-sessions").getText()).isNotEqualTo(sessionsBefore);
    assertThat(browser.byId("months").getText()).isNotEqualTo(monthsBefore);
    assertThat(browser.byId("phase-loads").getText()).contains("1");
    assertThat(browser.byId("rescheduled").getText()).contains("booked again");
    browser.set("f:phases:0:sessionsPerPeriod", perWeek);

    // Edit: the initial phase began three weeks ago (the patient was seen before Lumbra).
    browser.set("f:phases:0:startDate", TODAY.minusWeeks(3).toString());
    browser.click("f:recheck");
    browser.click("f:save");
    assertThat(browser.driver.getCurrentUrl())
        .as(browser::text)
        .contains("/portal/chart.xhtml")
        .contains("plan=");
    assertThat(browser.byId("plan-status").getText()).isEqualTo("Active");
    chartUrl = browser.driver.getCurrentUrl();
  }

  @Test
  @Order(4)
  void aSessionIsRecordedAndShowsOnTheChart() throws Exception {
    browser.driver.get(chartUrl);
    browser.click("record-session");
    browser.set("f:performedAt", TODAY.minusDays(14) + "T10:00");
    browser.set("f:prePain", "7");
    browser.set("f:postPain", "4");
    browser.select("f:legPain", "ABSENT");
    browser.set("f:stiffness", "6");
    browser.type("f:subjective", "Stiff after long drives.");
    browser.screenshot("record-session.png");
    browser.click("f:save");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/chart.xhtml");
    assertThat(browser.byId("timeline").getText()).contains("Attended").contains("7 → 4");
    assertThat(browser.byId("symptoms").getText()).contains("Stiffness").contains("6");
  }

  @Test
  @Order(5)
  void newLegPainBetweenSessionsRaisesARedFlagOnTheChart() throws Exception {
    browser.driver.get(chartUrl);
    browser.click("record-between");
    browser.set("readings:pain", "6");
    browser.select("readings:legPain", "PRESENT");
    browser.select("readings:legPainSide", "LEFT");
    browser.click("readings:saveReadings");
    assertThat(browser.byId("chart-alert-list").getText()).contains("PROG-6").contains("leg pain");
    assertThat(browser.byId("pain-chart").getAttribute("data-drawn")).isEqualTo("true");
    assertThat(browser.inlineScripts()).isZero();
    browser.screenshotWhole("patient-chart.png");
  }

  @Test
  @Order(6)
  void anOutOfRangePainScoreIsShownNextToTheFieldAndNothingIsSaved() throws Exception {
    browser.driver.get(chartUrl);
    int attendedBefore = attendedRows();
    int readingsBefore = browser.all(By.cssSelector("#symptoms tbody tr")).size();
    browser.click("record-session");
    browser.set("f:performedAt", TODAY.minusDays(7) + "T10:00");
    browser.set("f:prePain", "11");
    browser.set("f:postPain", "3");
    browser.set("f:stiffness", "5");
    browser.click("f:save");
    String error =
        browser.driver.findElement(By.cssSelector("#f\\:prePain ~ .field-error")).getText();
    assertThat(error).startsWith("Pain before session:").contains("11").contains("0");
    browser.screenshot("validation-error.png");

    browser.driver.get(chartUrl);
    assertThat(attendedRows()).isEqualTo(attendedBefore);
    assertThat(browser.all(By.cssSelector("#symptoms tbody tr"))).hasSize(readingsBefore);
  }

  @Test
  @Order(7)
  void everyVersionOfThePlanIsListed() {
    browser.driver.get(chartUrl);
    assertThat(browser.byId("history").getText()).contains("Created").contains("Activated");
  }

  @Test
  @Order(8)
  void aConcurrentEditIsRefusedAndTheNewerVersionShown() throws Exception {
    browser.driver.get(chartUrl);
    browser.click("edit-plan");
    String mine = browser.driver.getWindowHandle();
    String editUrl = browser.driver.getCurrentUrl();

    browser.driver.switchTo().newWindow(WindowType.TAB);
    browser.driver.get(editUrl);
    browser.set("f:phases:0:sessionMinutes", "50");
    browser.click("f:save");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/chart.xhtml");
    browser.driver.close();
    browser.driver.switchTo().window(mine);

    browser.set("f:phases:0:sessionMinutes", "40");
    browser.click("f:save");
    assertThat(browser.byId("conflict").getText())
        .contains("Someone else changed this plan")
        .contains("Your changes were not saved");
    assertThat(browser.byId("newer-version").getText()).isNotBlank();
    browser.screenshot("plan-conflict.png");

    browser.driver.get(chartUrl);
    assertThat(browser.text()).contains("50 min").doesNotContain("40 min");
  }

  private static int attendedRows() {
    return (int)
        browser.all(By.cssSelector("#timeline tbody tr")).stream()
            .filter(row -> row.getText().contains("Attended"))
            .count();
  }

  /**
   * FHIR-1: an EHR sends a patient with what the portal does not show (telephone, address, a race
   * extension, a second name); a clinician edits the birth date in the portal; FHIR gives back the
   * new birth date and everything else the EHR sent.
   */
  @Test
  @Order(9)
  void aPortalEditKeepsWhatTheEhrSentBesideIt(LumbraProcess server) throws Exception {
    IGenericClient client = FhirClients.client(server);
    Patient sent = new Patient();
    String family = "Ehrsent" + UUID.randomUUID().toString().substring(0, 6);
    sent.addIdentifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue("MRN-" + family);
    sent.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven("Lena");
    sent.addName().setUse(HumanName.NameUse.MAIDEN).setFamily("Vogel");
    sent.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+1 555 0101");
    sent.addAddress().setCity("Springfield").setPostalCode("62701");
    sent.addExtension(
        "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", new CodeType("F"));
    sent.setBirthDateElement(new DateType("1975-06-01"));
    String id = client.create().resource(sent).execute().getId().getIdPart();

    browser.open("/portal/patient.xhtml?id=" + id);
    browser.set("f:birthDate", "1976-07-02");
    browser.select("f:onsetType", "UNKNOWN");
    browser.set("f:painScore", "4");
    browser.click("f:save");
    assertThat(browser.driver.getCurrentUrl()).contains("/portal/chart.xhtml");

    Patient read = client.read().resource(Patient.class).withId(id).execute();
    assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1976-07-02");
    assertThat(read.getTelecomFirstRep().getValue()).isEqualTo("+1 555 0101");
    assertThat(read.getAddressFirstRep().getCity()).isEqualTo("Springfield");
    assertThat(read.getName()).hasSize(2);
    assertThat(
            read.getExtensionByUrl(
                "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex"))
        .isNotNull();
  }
}
