package app.lumbra.fhir.questionnaire;

import ca.uhn.fhir.parser.DataFormatException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;

/**
 * OUT-5: a clinic's licensed wording laid over the structure Lumbra ships. The clinic's
 * Questionnaire must have exactly the same linkIds; from it Lumbra takes the items' {@code text}
 * and {@code prefix}, the answer options' {@code display} (by code) and the {@code copyright}.
 * Types, options, scoring and everything else stay Lumbra's, so responses are checked and scored
 * the same whatever text is shown.
 */
final class LicensedText {

  private LicensedText() {}

  /**
   * {@code shipped} with the wording of {@code licensed}.
   *
   * @throws DataFormatException when the linkIds differ (naming those missing and extra)
   */
  static Questionnaire apply(Questionnaire shipped, Questionnaire licensed) {
    Map<String, QuestionnaireItemComponent> theirs =
        licensed.getItem().stream()
            .collect(
                Collectors.toMap(
                    QuestionnaireItemComponent::getLinkId, Function.identity(), (a, b) -> a));
    Set<String> ours =
        shipped.getItem().stream()
            .map(QuestionnaireItemComponent::getLinkId)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (!ours.equals(theirs.keySet()) || theirs.size() != licensed.getItem().size()) {
      Set<String> missing = new LinkedHashSet<>(ours);
      missing.removeAll(theirs.keySet());
      Set<String> extra = new LinkedHashSet<>(theirs.keySet());
      extra.removeAll(ours);
      throw new DataFormatException(
          "the licensed text of "
              + shipped.getUrl()
              + " must have the same items, once each: missing "
              + missing
              + ", not in Lumbra's "
              + extra);
    }
    Questionnaire worded = shipped.copy();
    if (licensed.hasCopyright()) {
      worded.setCopyright(licensed.getCopyright());
    }
    for (QuestionnaireItemComponent item : worded.getItem()) {
      QuestionnaireItemComponent their = theirs.get(item.getLinkId());
      if (their.hasText()) {
        item.setText(their.getText());
      }
      if (their.hasPrefix()) {
        item.setPrefix(their.getPrefix());
      }
      displays(item.getAnswerOption(), their.getAnswerOption());
    }
    return worded;
  }

  private static void displays(
      List<QuestionnaireItemAnswerOptionComponent> ours,
      List<QuestionnaireItemAnswerOptionComponent> theirs) {
    for (QuestionnaireItemAnswerOptionComponent option : ours) {
      if (!option.hasValueCoding()) {
        continue;
      }
      Coding coding = option.getValueCoding();
      theirs.stream()
          .filter(QuestionnaireItemAnswerOptionComponent::hasValueCoding)
          .map(QuestionnaireItemAnswerOptionComponent::getValueCoding)
          .filter(their -> coding.getCode().equals(their.getCode()) && their.hasDisplay())
          .findFirst()
          .ifPresent(their -> coding.setDisplay(their.getDisplay()));
    }
  }
}
