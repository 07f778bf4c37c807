package app.lumbra.safety.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.shared.RuleViolationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The safety rules SAFE-1..3 without a container. */
class SafetyRulesTest {

  private static final String PLAN = "plan-1";
  private static final String PATIENT = "patient-1";
  private static final String ICD = ContraindicationCodes.ICD_10_CM;

  private static RedFlagScreen screen(Set<RedFlagItem> positive) {
    return RedFlagScreen.record(PATIENT, PLAN, positive, null, "dr.kim", TestClocks.MONDAY_MORNING);
  }

  private static ContraindicationFinding onChecklist(Contraindication what, Region... regions) {
    return new ContraindicationFinding(
        what, Set.of(regions), ContraindicationChecklist.SOURCE, false);
  }

  private static PlanSafetyFacts plan(Set<String> techniques, Set<String> regions) {
    return new PlanSafetyFacts(PLAN, PATIENT, true, techniques, regions, List.of());
  }

  @Test
  @DisplayName("SAFE-1: a positive item blocks activation with the referral and its reason")
  void positiveScreenIsRefusedWithTheReferral() {
    RedFlagScreen positive =
        screen(Set.of(RedFlagItem.SADDLE_NUMBNESS, RedFlagItem.UNEXPLAINED_WEIGHT_LOSS));

    assertThatThrownBy(
            () -> SafetyRules.refuseIfPositive(Optional.of(positive), "Activating the plan"))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("SAFE-1")
        .hasMessageContaining("Refer for urgent medical assessment")
        .hasMessageContaining("suspected cauda equina syndrome (saddle numbness)")
        .hasMessageContaining("suspected cancer (unexplained weight loss)")
        .hasMessageContaining("Activating the plan is not possible");
  }

  @Test
  @DisplayName("SAFE-1: a clear screen, or none yet, does not block")
  void clearOrMissingScreenDoesNotBlock() {
    assertThatCode(() -> SafetyRules.refuseIfPositive(Optional.of(screen(Set.of())), "Booking"))
        .doesNotThrowAnyException();
    assertThatCode(() -> SafetyRules.refuseIfPositive(Optional.empty(), "Booking"))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("SAFE-1: an open plan without a screen carries an alert to screen first")
  void planWithoutScreenCarriesAnAlert() {
    List<SafetyAlert> alerts = SafetyRules.screenAlerts(plan(Set.of(), Set.of()), List.of());

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.ruleId()).isEqualTo("SAFE-1");
              assertThat(alert.kind()).isEqualTo(AlertKind.REVIEW);
              assertThat(alert.title()).isEqualTo("No red-flag screen recorded");
            });
  }

  @Test
  @DisplayName("SAFE-1: a session given while the screen was positive is a red flag")
  void sessionGivenAnywayIsARedFlag() {
    RedFlagScreen positive = screen(Set.of(RedFlagItem.BILATERAL_LEG_SYMPTOMS));
    OffsetDateTime later = positive.screenedAt().plusDays(1);
    PlanSafetyFacts facts =
        new PlanSafetyFacts(
            PLAN,
            PATIENT,
            true,
            Set.of(),
            Set.of(),
            List.of(
                new PlanSafetyFacts.PerformedSessionFacts(
                    "s-1", later, Set.of("KNEADING"), Set.of("LOWER_BACK"))));

    assertThat(SafetyRules.screenAlerts(facts, List.of(positive)))
        .extracting(SafetyAlert::kind, SafetyAlert::title)
        .containsExactly(
            Tuple.tuple(
                AlertKind.RED_FLAG,
                "Red-flag screen positive: refer for urgent medical assessment"),
            Tuple.tuple(AlertKind.RED_FLAG, "Session given despite a positive red-flag screen"));
  }

  @Test
  @DisplayName("SAFE-2: the code table finds contraindications by ICD-10-CM and SNOMED CT code")
  void codeTableMatchesByCode() {
    assertThat(ContraindicationCodes.of(ICD, "Z79.01"))
        .contains(Contraindication.ANTICOAGULATION_OR_BLEEDING_DISORDER);
    assertThat(ContraindicationCodes.of(ICD, "D68.51"))
        .contains(Contraindication.ANTICOAGULATION_OR_BLEEDING_DISORDER);
    assertThat(ContraindicationCodes.of(ICD, "M81.0")).contains(Contraindication.OSTEOPOROSIS);
    assertThat(ContraindicationCodes.of(ICD, "M80.08XA")).contains(Contraindication.OSTEOPOROSIS);
    assertThat(ContraindicationCodes.of(ICD, "I82.401"))
        .contains(Contraindication.DEEP_VEIN_THROMBOSIS);
    assertThat(ContraindicationCodes.of(ContraindicationCodes.SNOMED_CT, "64859006"))
        .contains(Contraindication.OSTEOPOROSIS);
    assertThat(ContraindicationCodes.of(ICD, "M54.50")).isEmpty();
    assertThat(ContraindicationCodes.of(ICD, "I82.0")).isEmpty();
    assertThat(ContraindicationCodes.of(ContraindicationCodes.SNOMED_CT, "M81.0")).isEmpty();
  }

  @Test
  @DisplayName("SAFE-2: anticoagulants rule out deep tissue and trigger-point work, nothing else")
  void anticoagulantsRuleOutDeepWork() {
    List<ContraindicationFinding> findings =
        List.of(onChecklist(Contraindication.ANTICOAGULATION_OR_BLEEDING_DISORDER));

    assertThat(SafetyRules.ruledOutTechniques(findings))
        .containsExactlyInAnyOrder("DEEP_TISSUE", "TRIGGER_POINT");
    assertThat(SafetyRules.conflicts(findings, Set.of("DEEP_TISSUE", "KNEADING"), Set.of("HIPS")))
        .containsExactly(
            "Deep-tissue work is ruled out by Anticoagulant therapy or a bleeding disorder"
                + " (clinician's checklist)");
    assertThatThrownBy(
            () ->
                SafetyRules.refuseIfRuledOut(
                    findings, Set.of("TRIGGER_POINT"), Set.of("LOWER_BACK"), false))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageStartingWith("SAFE-2 (techniques)")
        .hasMessageContaining("Trigger-point therapy is ruled out");
    assertThatCode(
            () ->
                SafetyRules.refuseIfRuledOut(
                    findings, Set.of("KNEADING", "LIGHT_SWEDISH"), Set.of("LOWER_BACK"), true))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("SAFE-2: DVT rules out the legs (full-body work); a lesion rules out its region")
  void dvtAndLesionsRuleOutRegions() {
    assertThat(
            SafetyRules.ruledOutRegions(
                List.of(onChecklist(Contraindication.DEEP_VEIN_THROMBOSIS))))
        .containsExactly(Region.FULL_BODY);
    List<ContraindicationFinding> lesion =
        List.of(onChecklist(Contraindication.SKIN_LESION, Region.LOWER_BACK));
    assertThat(SafetyRules.ruledOutRegions(lesion))
        .containsExactlyInAnyOrder(Region.LOWER_BACK, Region.FULL_BODY);
    assertThat(SafetyRules.conflicts(lesion, Set.of("KNEADING"), Set.of("HIPS", "GLUTES")))
        .isEmpty();
    assertThat(SafetyRules.conflicts(lesion, Set.of("KNEADING"), Set.of("LOWER_BACK")))
        .containsExactly(
            "Massage of the lower back is ruled out by Skin lesion, infection or wound on the"
                + " lower back (clinician's checklist)");
  }

  @Test
  @DisplayName("SAFE-2: a precaution blocks activation until the clinician confirms it")
  void precautionNeedsConfirmationBeforeActivation() {
    List<ContraindicationFinding> pregnant = List.of(onChecklist(Contraindication.PREGNANCY));
    Set<String> gentle = Set.of("LIGHT_SWEDISH");
    Set<String> back = Set.of("LOWER_BACK");

    assertThatCode(() -> SafetyRules.refuseIfRuledOut(pregnant, gentle, back, false))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SafetyRules.refuseIfRuledOut(pregnant, gentle, back, true))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageStartingWith("SAFE-2 (contraindications)")
        .hasMessageContaining("confirm on the contraindication checklist")
        .hasMessageContaining("Pregnancy");
    List<ContraindicationFinding> confirmed =
        List.of(
            new ContraindicationFinding(
                Contraindication.PREGNANCY, Set.of(), ContraindicationChecklist.SOURCE, true));
    assertThatCode(() -> SafetyRules.refuseIfRuledOut(confirmed, gentle, back, true))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("SAFE-2: a performed session that used a ruled-out technique is a red flag")
  void performedSessionWithRuledOutTechniqueIsARedFlag() {
    PlanSafetyFacts facts =
        new PlanSafetyFacts(
            PLAN,
            PATIENT,
            true,
            Set.of("KNEADING"),
            Set.of("LOWER_BACK"),
            List.of(
                new PlanSafetyFacts.PerformedSessionFacts(
                    "s-1",
                    OffsetDateTime.now(TestClocks.MONDAY_MORNING),
                    Set.of("DEEP_TISSUE"),
                    Set.of("LOWER_BACK"))));

    assertThat(
            SafetyRules.contraindicationAlerts(
                facts, List.of(onChecklist(Contraindication.OSTEOPOROSIS))))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.ruleId()).isEqualTo("SAFE-2");
              assertThat(alert.kind()).isEqualTo(AlertKind.RED_FLAG);
              assertThat(alert.reason()).contains("Deep-tissue work is ruled out by Osteoporosis");
              assertThat(alert.evidenceKey()).isEqualTo("session:s-1");
            });
  }

  private static AdverseResponse response(AdverseResponseKind kind) {
    return AdverseResponse.record(
        PATIENT,
        PLAN,
        null,
        kind,
        LocalDate.of(2026, 3, 1),
        null,
        "dr.kim",
        TestClocks.MONDAY_MORNING);
  }

  @Test
  @DisplayName("SAFE-3: bruising after a session raises a review alert")
  void bruisingRaisesAnAlert() {
    assertThat(SafetyRules.adverseResponseAlerts(List.of(response(AdverseResponseKind.BRUISING))))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertKind.REVIEW);
              assertThat(alert.reason()).startsWith("Bruising noticed on 2026-03-01");
            });
  }

  @Test
  @DisplayName("SAFE-3: new numbness is a red flag; two responses in a plan: review the plan")
  void numbnessIsARedFlagAndTwoResponsesSuggestReview() {
    List<SafetyAlert> alerts =
        SafetyRules.adverseResponseAlerts(
            List.of(
                response(AdverseResponseKind.SORENESS_BEYOND_48H),
                response(AdverseResponseKind.NEW_NUMBNESS_OR_TINGLING)));

    assertThat(alerts)
        .extracting(SafetyAlert::kind, SafetyAlert::title)
        .containsExactly(
            Tuple.tuple(AlertKind.REVIEW, "Adverse response after a session"),
            Tuple.tuple(
                AlertKind.RED_FLAG,
                "New numbness or tingling after a session: assess for a red flag"),
            Tuple.tuple(AlertKind.REVIEW, "Repeated adverse responses: review the plan"));
  }

  @Test
  @DisplayName("SAFE-3: a response noticed in the future is refused, naming the field")
  void futureResponseIsRefused() {
    assertThatThrownBy(
            () ->
                AdverseResponse.record(
                    PATIENT,
                    PLAN,
                    null,
                    AdverseResponseKind.BRUISING,
                    LocalDate.of(2026, 3, 9),
                    null,
                    "dr.kim",
                    TestClocks.MONDAY_MORNING))
        .hasMessageContaining("noticedOn");
  }
}
