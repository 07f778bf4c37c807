package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import org.junit.jupiter.api.Test;

class FormErrorsTest {

  @Test
  void listFieldsOfTheDomainNameTheInputsOfRepeatedRows() {
    assertThat(FormErrors.componentPath("phases[0].sessionMinutes"))
        .isEqualTo("phases:0:sessionMinutes");
    assertThat(FormErrors.componentPath("prePain")).isEqualTo("prePain");
  }

  @Test
  void fieldNamesWithoutAFormLabelAreReadAsWords() {
    assertThat(FormErrors.humanise("performed.durationMinutes")).isEqualTo("Duration minutes");
    assertThat(FormErrors.humanise("phases[1].sessionMinutes")).isEqualTo("Session minutes");
  }

  @Test
  void anOutOfRangeValueNamesTheFieldTheValueAndWhatIsAllowed() {
    InvalidValueException refusal = new InvalidValueException("prePain", 11, "0 to 10");
    assertThat(FormErrors.text(refusal, "Pain before session"))
        .isEqualTo("Pain before session: '11' is not allowed. Allowed: 0 to 10.");
    assertThat(FormErrors.fieldOf(refusal)).isEqualTo("prePain");
  }

  @Test
  void aBrokenRuleIsExplainedWithItsRuleId() {
    RuleViolationException refusal =
        new RuleViolationException("PLAN-2", "phases", "a plan needs at least one phase");
    assertThat(FormErrors.text(refusal, null))
        .isEqualTo("a plan needs at least one phase (rule PLAN-2)");
  }

  @Test
  void aVersionConflictSaysNothingWasSaved() {
    assertThat(FormErrors.text(new VersionConflictException("CarePlan", "p-1", 2, 3), null))
        .contains("Someone else saved a newer version")
        .contains("Nothing of yours was saved");
  }
}
