package app.lumbra.fhir.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.safety.domain.AdverseResponseKind;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

/** OUT-5: a QuestionnaireResponse is checked against its Questionnaire, naming the FHIR path. */
class OUT_5_QuestionnaireResponseCheckTest {

  @Test
  void everyQuestionnaireValidatesAgainstBaseR4() {
    for (Questionnaire questionnaire : Questionnaires.all()) {
      assertThat(UsCoreValidator.get().errors(questionnaire)).as(questionnaire.getUrl()).isEmpty();
    }
  }

  @Test
  void oswestryAndRolandMorrisShipNoItemText() {
    assertThat(Questionnaires.oswestry().getItem()).allMatch(item -> !item.hasText());
    assertThat(Questionnaires.oswestry().getItem())
        .allSatisfy(item -> assertThat(item.getAnswerOption()).hasSize(6));
    assertThat(Questionnaires.rolandMorris().getItem()).hasSize(24).allMatch(i -> !i.hasText());
    assertThat(Questionnaires.painDiary().getItem()).allMatch(item -> item.hasText());
  }

  @Test
  void aCompleteDiaryGivesItsAnswersByLinkId() {
    QuestionnaireResponse response =
        diary()
            .addItem(answer(Questionnaires.PAIN, new IntegerType(4)))
            .addItem(answer(Questionnaires.MEDICATION_DOSES, new IntegerType(2)))
            .addItem(answer(Questionnaires.HOME_CARE_DONE, new BooleanType(true)))
            .addItem(
                answer(
                    Questionnaires.ADVERSE_RESPONSE,
                    Terminology.coding(AdverseResponseKind.BRUISING)))
            .addItem(answer(Questionnaires.ADVERSE_RESPONSE_NOTE, new StringType("left side")));

    Map<String, Type> answers = ResponseCheck.answers(Questionnaires.painDiary(), response);

    assertThat(answers).hasSize(5);
    assertThat(((IntegerType) answers.get(Questionnaires.PAIN)).getValue()).isEqualTo(4);
  }

  @Test
  void aPainOfElevenIsRefusedNamingItsPathAndTheRange() {
    QuestionnaireResponse response =
        diary()
            .addItem(answer(Questionnaires.HOME_CARE_DONE, new BooleanType(false)))
            .addItem(answer(Questionnaires.MEDICATION_DOSES, new IntegerType(1)))
            .addItem(answer(Questionnaires.PAIN, new IntegerType(11)));

    assertRefused(
        response,
        Questionnaires.painDiary(),
        "QuestionnaireResponse.item[2].answer[0].valueInteger",
        "an integer from 0 to 10");
  }

  @Test
  void anAnswerOfTheWrongTypeIsRefusedNamingTheTypeExpected() {
    QuestionnaireResponse response =
        diary().addItem(answer(Questionnaires.PAIN, new StringType("four")));

    assertRefused(
        response,
        Questionnaires.painDiary(),
        "QuestionnaireResponse.item[0].answer[0].value[x]",
        "valueInteger");
  }

  @Test
  void anUnknownLinkIdIsRefusedListingTheQuestionnairesItems() {
    QuestionnaireResponse response =
        diary()
            .addItem(answer(Questionnaires.PAIN, new IntegerType(3)))
            .addItem(answer("mood", new IntegerType(3)));

    assertRefused(
        response,
        Questionnaires.painDiary(),
        "QuestionnaireResponse.item[1].linkId",
        "pain, medication-doses, home-care-done");
  }

  @Test
  void aMissingRequiredItemIsRefused() {
    QuestionnaireResponse response =
        diary().addItem(answer(Questionnaires.MEDICATION_DOSES, new IntegerType(1)));

    OperationOutcome outcome =
        assertRefused(response, Questionnaires.painDiary(), "QuestionnaireResponse.item", "(pain)");
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.REQUIRED);
  }

  @Test
  void twoAnswersToAnItemThatDoesNotRepeatAreRefused() {
    QuestionnaireResponse response = diary();
    response
        .addItem()
        .setLinkId(Questionnaires.PAIN)
        .addAnswer(
            new QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent()
                .setValue(new IntegerType(3)))
        .addAnswer(
            new QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent()
                .setValue(new IntegerType(4)));

    assertRefused(
        response, Questionnaires.painDiary(), "QuestionnaireResponse.item[0].answer", "one answer");
  }

  @Test
  void aChoiceThatIsNotAnOptionIsRefusedListingTheOptions() {
    QuestionnaireResponse response =
        new QuestionnaireResponse()
            .setQuestionnaire(Questionnaires.BASE + Questionnaires.OSWESTRY)
            .setStatus(QuestionnaireResponseStatus.COMPLETED)
            .addItem(
                answer(
                    Questionnaires.oswestrySection(1),
                    new Coding(Terminology.LUMBRA, "odi-answer-6", null)));

    assertRefused(
        response,
        Questionnaires.oswestry(),
        "QuestionnaireResponse.item[0].answer[0].valueCoding",
        Terminology.LUMBRA + "|odi-answer-5");
  }

  @Test
  void anOswestryAnswerIsAcceptedByItsCodeAlone() {
    QuestionnaireResponse response =
        new QuestionnaireResponse()
            .setQuestionnaire(Questionnaires.BASE + Questionnaires.OSWESTRY)
            .setStatus(QuestionnaireResponseStatus.COMPLETED)
            .addItem(
                answer(Questionnaires.oswestrySection(3), new Coding(null, "odi-answer-2", null)));

    assertThat(ResponseCheck.answers(Questionnaires.oswestry(), response)).hasSize(1);
  }

  @Test
  void aQuestionnaireIsFoundByItsUrlWithOrWithoutItsVersion() {
    assertThat(
            Questionnaires.byCanonical(
                Questionnaires.all(), Questionnaires.BASE + Questionnaires.ROLAND_MORRIS + "|1"))
        .isPresent();
    assertThat(
            Questionnaires.byCanonical(
                Questionnaires.all(), Questionnaires.BASE + Questionnaires.ROLAND_MORRIS + "|2"))
        .isEmpty();
    assertThat(Questionnaires.byCanonical(Questionnaires.all(), Questionnaires.BASE + "phq-9"))
        .isEmpty();
  }

  private static OperationOutcome assertRefused(
      QuestionnaireResponse response, Questionnaire questionnaire, String path, String allowed) {
    UnprocessableEntityException refused =
        (UnprocessableEntityException)
            catchThrowable(() -> ResponseCheck.answers(questionnaire, response));
    assertThat(refused).isNotNull();
    OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
    assertThat(outcome.getIssueFirstRep().getExpression())
        .extracting(StringType::getValue)
        .containsExactly(path);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(path).contains(allowed);
    assertThat(refused.getStatusCode()).isEqualTo(422);
    return outcome;
  }

  private static QuestionnaireResponse diary() {
    return new QuestionnaireResponse()
        .setQuestionnaire(Questionnaires.BASE + Questionnaires.PAIN_DIARY)
        .setStatus(QuestionnaireResponseStatus.COMPLETED)
        .setSubject(new Reference("Patient/anna"));
  }

  private static QuestionnaireResponse.QuestionnaireResponseItemComponent answer(
      String linkId, Type value) {
    QuestionnaireResponse.QuestionnaireResponseItemComponent item =
        new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(linkId);
    item.addAnswer().setValue(value);
    return item;
  }
}
