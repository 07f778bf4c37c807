package app.lumbra.fhir.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.alert.application.AlertView;
import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.safety.domain.AlertKind;
import java.time.OffsetDateTime;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.junit.jupiter.api.Test;

/** SAFE-4: an alert as a DetectedIssue, valid FHIR R4 with zero errors. */
class DetectedIssueFhirMapperTest {

  private static final OffsetDateTime RAISED = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");

  private static AlertView sessionUsedDeepTissue(boolean acknowledged) {
    return new AlertView(
        "alert-0123456789abcdef0123456789abcdef",
        "patient-1",
        "plan-1",
        "SAFE-2",
        AlertKind.RED_FLAG,
        "Session used a ruled-out technique or region",
        "In the session of 2026-03-01: Deep-tissue work is ruled out by Osteoporosis.",
        "session:session-7",
        RAISED,
        true,
        acknowledged ? RAISED.plusHours(2) : null,
        acknowledged ? "dr.kim" : null,
        acknowledged ? "Patient informed; gentle techniques only" : null);
  }

  @Test
  void safe4AnAlertIsADetectedIssueNamingRulePatientPlanAndReason() {
    DetectedIssue issue = DetectedIssueFhirMapper.toFhir(sessionUsedDeepTissue(false));

    assertThat(issue.getIdElement().getIdPart())
        .isEqualTo("alert-0123456789abcdef0123456789abcdef");
    assertThat(issue.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
    assertThat(issue.getCode().getCodingFirstRep().getSystem())
        .isEqualTo(CodeSystemResourceProvider.RULE_SYSTEM);
    assertThat(issue.getCode().getCodingFirstRep().getCode()).isEqualTo("SAFE-2");
    assertThat(issue.getCode().getCodingFirstRep().getDisplay())
        .isEqualTo("Contraindications and precautions");
    assertThat(issue.getCode().getText()).isEqualTo("Session used a ruled-out technique or region");
    assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.HIGH);
    assertThat(issue.getPatient().getReference()).isEqualTo("Patient/patient-1");
    assertThat(issue.getImplicatedFirstRep().getReference()).isEqualTo("CarePlan/plan-1");
    assertThat(issue.getDetail()).contains("ruled out by Osteoporosis");
    assertThat(issue.getEvidenceFirstRep().getDetailFirstRep().getReference())
        .isEqualTo("Procedure/session-7");
    assertThat(issue.hasMitigation()).isFalse();
    assertThat(UsCoreValidator.get().errors(issue)).isEmpty();
  }

  @Test
  void safe4AnAcknowledgementIsTheMitigationWithWhoWhenAndNote() {
    DetectedIssue issue = DetectedIssueFhirMapper.toFhir(sessionUsedDeepTissue(true));

    DetectedIssue.DetectedIssueMitigationComponent mitigation = issue.getMitigationFirstRep();
    assertThat(mitigation.getAction().getText())
        .isEqualTo("Acknowledged: Patient informed; gentle techniques only");
    assertThat(mitigation.getAuthor().getDisplay()).isEqualTo("dr.kim");
    assertThat(mitigation.getDateElement().getValueAsString()).startsWith("2026-03-02T11:00");
    assertThat(UsCoreValidator.get().errors(issue)).isEmpty();
  }
}
