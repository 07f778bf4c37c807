package app.lumbra.fhir.alert;

import app.lumbra.alert.application.AlertView;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import app.lumbra.fhir.terminology.RuleCatalogue;
import app.lumbra.safety.domain.AlertKind;
import java.time.OffsetDateTime;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.DetectedIssue.DetectedIssueSeverity;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * SAFE-4: an alert as a FHIR {@code DetectedIssue}.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Alert</th><th>DetectedIssue</th></tr>
 *   <tr><td>id</td><td>id (derived from plan, rule and evidence)</td></tr>
 *   <tr><td>rule</td><td>code.coding {@value CodeSystemResourceProvider#RULE_SYSTEM}#rule id (e.g. SAFE-2), display the
 *       rule's name; code.text the alert's title</td></tr>
 *   <tr><td>kind</td><td>severity: red flag = high, review = moderate, information = low</td></tr>
 *   <tr><td>patient, plan</td><td>patient, implicated CarePlan</td></tr>
 *   <tr><td>raised at</td><td>identifiedDateTime</td></tr>
 *   <tr><td>reason</td><td>detail (the clinician's words), and the narrative</td></tr>
 *   <tr><td>evidence</td><td>evidence.detail: the Procedure of a session the alert is about</td></tr>
 *   <tr><td>acknowledgement</td><td>mitigation: action.text "Acknowledged" and the note, date,
 *       author.display</td></tr>
 *   <tr><td>current</td><td>status final while the rule raises it, cancelled once it no longer
 *       does</td></tr>
 * </table>
 *
 * No standard terminology names these rules, so the rule codes are a Lumbra code system; there is
 * no US Core DetectedIssue profile, so the resource is plain FHIR R4.
 */
public final class DetectedIssueFhirMapper {

  /** The Lumbra code system of rule ids (PRODUCT.md rule ids as codes). */

  /** The rules that raise alerts, with their names. */
  private DetectedIssueFhirMapper() {}

  public static DetectedIssue toFhir(AlertView alert) {
    DetectedIssue issue = new DetectedIssue();
    issue.setId(alert.id());
    issue.getMeta().setLastUpdated(FhirTime.date(lastChanged(alert)));
    issue.setStatus(
        alert.current()
            ? DetectedIssue.DetectedIssueStatus.FINAL
            : DetectedIssue.DetectedIssueStatus.CANCELLED);
    CodeableConcept code = new CodeableConcept().setText(alert.title());
    code.addCoding()
        .setSystem(CodeSystemResourceProvider.RULE_SYSTEM)
        .setCode(alert.ruleId())
        .setDisplay(RuleCatalogue.title(alert.ruleId()));
    issue.setCode(code);
    issue.setSeverity(severity(alert.kind()));
    issue.setPatient(new Reference("Patient/" + alert.patientId()));
    issue.addImplicated(new Reference("CarePlan/" + alert.carePlanId()));
    issue.setIdentified(FhirTime.dateTime(alert.raisedAt()));
    issue.setDetail(alert.reason());
    if (alert.evidenceKey().startsWith("session:")) {
      issue
          .addEvidence()
          .addDetail(
              new Reference("Procedure/" + alert.evidenceKey().substring("session:".length())));
    }
    if (alert.acknowledged()) {
      DetectedIssue.DetectedIssueMitigationComponent mitigation = issue.addMitigation();
      mitigation.setAction(
          new CodeableConcept()
              .setText(
                  alert.acknowledgeNote() == null
                      ? "Acknowledged"
                      : "Acknowledged: " + alert.acknowledgeNote()));
      mitigation.setDateElement(FhirTime.dateTime(alert.acknowledgedAt()));
      mitigation.setAuthor(new Reference().setDisplay(alert.acknowledgedBy()));
    }
    issue.setText(narrative(alert));
    return issue;
  }

  private static OffsetDateTime lastChanged(AlertView alert) {
    return alert.acknowledgedAt() != null ? alert.acknowledgedAt() : alert.raisedAt();
  }

  static DetectedIssueSeverity severity(AlertKind kind) {
    switch (kind) {
      case RED_FLAG:
        return DetectedIssueSeverity.HIGH;
      case REVIEW:
        return DetectedIssueSeverity.MODERATE;
      default:
        return DetectedIssueSeverity.LOW;
    }
  }

  private static Narrative narrative(AlertView alert) {
    XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
    div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
    div.addTag("p").addTag("b").addText(alert.kind().display() + ": " + alert.title());
    div.addTag("p").addText(alert.reason());
    if (alert.acknowledged()) {
      div.addTag("p")
          .addText(
              "Acknowledged by "
                  + alert.acknowledgedBy()
                  + " on "
                  + alert.acknowledgedAt().toLocalDate()
                  + (alert.acknowledgeNote() == null ? "" : ": " + alert.acknowledgeNote()));
    }
    Narrative narrative = new Narrative();
    narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDiv(div);
    return narrative;
  }
}
