package app.lumbra.fhir.questionnaire;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * OUT-5: a QuestionnaireResponse checked against its Questionnaire before anything is stored. Each
 * refusal is 422 with an OperationOutcome naming the FHIR path ({@code
 * QuestionnaireResponse.item[2].answer[0].valueInteger}) and what is allowed: an unknown or
 * repeated linkId, a missing required item, several answers to an item that does not repeat, an
 * answer of the wrong type, a number out of the item's range, a choice that is not one of the
 * item's options, a text longer than the item allows. Lumbra's Questionnaires are flat, so nested
 * items are refused too. What passes is the answers by linkId.
 */
public final class ResponseCheck {

  private static final String ROOT = "QuestionnaireResponse";

  private ResponseCheck() {}

  /** The checked answers of {@code response}, by linkId, in the Questionnaire's order. */
  public static Map<String, Type> answers(
      Questionnaire questionnaire, QuestionnaireResponse response) {
    Map<String, QuestionnaireItemComponent> items = new LinkedHashMap<>();
    questionnaire.getItem().forEach(item -> items.put(item.getLinkId(), item));
    Map<String, Type> answers = new LinkedHashMap<>();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < response.getItem().size(); i++) {
      QuestionnaireResponseItemComponent given = response.getItem().get(i);
      String path = ROOT + ".item[" + i + "]";
      QuestionnaireItemComponent item = items.get(given.getLinkId());
      if (item == null) {
        throw refused(
            IssueType.VALUE,
            path + ".linkId",
            "'" + given.getLinkId() + "' is not an item of " + questionnaire.getUrl(),
            String.join(", ", items.keySet()));
      }
      if (seen.contains(given.getLinkId())) {
        throw refused(
            IssueType.VALUE,
            path + ".linkId",
            "'" + given.getLinkId() + "' is answered twice",
            "each item once");
      }
      seen.add(given.getLinkId());
      if (given.hasItem()) {
        throw refused(
            IssueType.STRUCTURE,
            path + ".item",
            "nested items are not part of this questionnaire",
            "none");
      }
      if (given.getAnswer().size() > 1 && !Questionnaires.repeats(item)) {
        throw refused(
            IssueType.VALUE,
            path + ".answer",
            given.getAnswer().size() + " answers to '" + item.getLinkId() + "'",
            "one answer");
      }
      for (int a = 0; a < given.getAnswer().size(); a++) {
        QuestionnaireResponseItemAnswerComponent answer = given.getAnswer().get(a);
        String answerPath = path + ".answer[" + a + "]";
        if (answer.hasItem()) {
          throw refused(
              IssueType.STRUCTURE,
              answerPath + ".item",
              "nested items are not part of this questionnaire",
              "none");
        }
        answers.put(item.getLinkId(), checked(item, answer.getValue(), answerPath));
      }
    }
    for (QuestionnaireItemComponent item : items.values()) {
      if (Questionnaires.required(item) && !answers.containsKey(item.getLinkId())) {
        throw refused(
            IssueType.REQUIRED,
            ROOT + ".item",
            "the required item '" + item.getLinkId() + "' has no answer",
            "an answer to every required item ("
                + items.values().stream()
                    .filter(Questionnaires::required)
                    .map(QuestionnaireItemComponent::getLinkId)
                    .collect(Collectors.joining(", "))
                + ")");
      }
    }
    return answers;
  }

  private static Type checked(QuestionnaireItemComponent item, Type value, String path) {
    switch (item.getType()) {
      case INTEGER:
        IntegerType number = typed(value, IntegerType.class, "valueInteger", item, path);
        int min = Questionnaires.bound(item, Questionnaires.MIN_VALUE).orElse(Integer.MIN_VALUE);
        int max = Questionnaires.bound(item, Questionnaires.MAX_VALUE).orElse(Integer.MAX_VALUE);
        if (number.getValue() == null || number.getValue() < min || number.getValue() > max) {
          throw refused(
              IssueType.VALUE,
              path + ".valueInteger",
              number.getValueAsString() + " is out of range for '" + item.getLinkId() + "'",
              "an integer from " + min + " to " + max);
        }
        return number;
      case BOOLEAN:
        BooleanType yesNo = typed(value, BooleanType.class, "valueBoolean", item, path);
        if (yesNo.getValue() == null) {
          throw refused(IssueType.VALUE, path + ".valueBoolean", "no value", "true or false");
        }
        return yesNo;
      case STRING:
        StringType text = typed(value, StringType.class, "valueString", item, path);
        if (item.hasMaxLength()
            && text.getValue() != null
            && text.getValue().length() > item.getMaxLength()) {
          throw refused(
              IssueType.VALUE,
              path + ".valueString",
              text.getValue().length() + " characters",
              "at most " + item.getMaxLength() + " characters");
        }
        return text;
      case CHOICE:
        Coding coding = typed(value, Coding.class, "valueCoding", item, path);
        if (option(item, coding).isEmpty()) {
          throw refused(
              IssueType.CODEINVALID,
              path + ".valueCoding",
              "'"
                  + coding.getSystem()
                  + "|"
                  + coding.getCode()
                  + "' is not an option of '"
                  + item.getLinkId()
                  + "'",
              item.getAnswerOption().stream()
                  .map(QuestionnaireItemAnswerOptionComponent::getValueCoding)
                  .map(c -> c.getSystem() + "|" + c.getCode())
                  .collect(Collectors.joining(", ")));
        }
        return coding;
      default:
        throw new IllegalStateException(
            "Lumbra's questionnaires have no " + item.getType() + " items");
    }
  }

  /** The option {@code coding} chooses: the same code, and the same system when it names one. */
  static Optional<Coding> option(QuestionnaireItemComponent item, Coding coding) {
    return item.getAnswerOption().stream()
        .map(QuestionnaireItemAnswerOptionComponent::getValueCoding)
        .filter(option -> option.getCode().equals(coding.getCode()))
        .filter(option -> !coding.hasSystem() || option.getSystem().equals(coding.getSystem()))
        .findFirst();
  }

  private static <T extends Type> T typed(
      Type value, Class<T> type, String element, QuestionnaireItemComponent item, String path) {
    if (!type.isInstance(value)) {
      throw refused(
          IssueType.VALUE,
          path + ".value[x]",
          (value == null ? "no value" : "a " + value.fhirType() + " value")
              + " for '"
              + item.getLinkId()
              + "'",
          element);
    }
    return type.cast(value);
  }

  /** 422 naming the path, the problem and what is allowed; nothing of the response is stored. */
  static UnprocessableEntityException refused(
      IssueType type, String path, String problem, String allowed) {
    String message = path + ": " + problem + "; allowed: " + allowed;
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(type)
        .setDiagnostics(message)
        .addExpression(path);
    UnprocessableEntityException exception = new UnprocessableEntityException(message);
    exception.setOperationOutcome(outcome);
    return exception;
  }
}
