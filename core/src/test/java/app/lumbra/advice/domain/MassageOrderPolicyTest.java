package app.lumbra.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.lumbra.advice.domain.MassageOrderPolicy.Finding;
import app.lumbra.safety.domain.AlertKind;
import app.lumbra.safety.domain.Contraindication;
import java.util.List;
import org.junit.jupiter.api.Test;

class MassageOrderPolicyTest {

  @Test
  void safe1APositiveScreenMakesAMassageOrderCriticalWithTheReferral() {
    List<Advice> advice =
        MassageOrderPolicy.adviceFor(
            "p1",
            List.of("Refer for urgent medical assessment: suspected cauda equina syndrome"),
            List.of());

    assertThat(advice)
        .singleElement()
        .satisfies(
            one -> {
              assertThat(one.urgency()).isEqualTo(AdviceUrgency.CRITICAL);
              assertThat(one.ruleId()).isEqualTo("SAFE-1");
              assertThat(one.detail()).contains("cauda equina");
              assertThat(one.summary().length()).isLessThanOrEqualTo(Advice.SUMMARY_LENGTH);
            });
  }

  @Test
  void safe2AContraindicationFromTwoSourcesIsOneCriticalAdviceNamingBoth() {
    List<Advice> advice =
        MassageOrderPolicy.adviceFor(
            "p1",
            List.of(),
            List.of(
                new Finding(Contraindication.OSTEOPOROSIS, "the checklist"),
                new Finding(Contraindication.OSTEOPOROSIS, "the EHR's problem list: M81.0")));

    assertThat(advice)
        .singleElement()
        .satisfies(
            one -> {
              assertThat(one.urgency()).isEqualTo(AdviceUrgency.CRITICAL);
              assertThat(one.ruleId()).isEqualTo("SAFE-2");
              assertThat(one.summary()).startsWith("Osteoporosis");
              assertThat(one.detail())
                  .contains("the checklist; the EHR's problem list: M81.0")
                  .contains("deep tissue, trigger point");
            });
  }

  @Test
  void safe2APrecautionIsAWarningToConfirm() {
    assertThat(
            MassageOrderPolicy.adviceFor(
                "p1", List.of(), List.of(new Finding(Contraindication.PREGNANCY, "checklist"))))
        .extracting(Advice::urgency, Advice::summary)
        .containsExactly(
            tuple(
                AdviceUrgency.WARNING, "Pregnancy: precaution, confirm before the first session"));
  }

  @Test
  void safe4ARedFlagAlertIsCriticalAReviewAWarningInformationInfo() {
    assertThat(AlertAdvicePolicy.urgencyOf(AlertKind.RED_FLAG)).isEqualTo(AdviceUrgency.CRITICAL);
    assertThat(AlertAdvicePolicy.urgencyOf(AlertKind.REVIEW)).isEqualTo(AdviceUrgency.WARNING);
    assertThat(AlertAdvicePolicy.urgencyOf(AlertKind.INFO)).isEqualTo(AdviceUrgency.INFO);
  }
}
