package app.lumbra.fhir.questionnaire;

import app.lumbra.context.application.ContextView;
import app.lumbra.exchange.application.ResponseExchange;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.outcome.domain.FunctionQuestionnaire;
import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.selfreport.application.RecordPatientReport;
import app.lumbra.selfreport.domain.QuestionnaireScores;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.TimeOrderedIds;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * OUT-5, the FHIR write of QuestionnaireResponse: the response is checked against its Questionnaire
 * ({@link ResponseCheck}) and read as the self-report it is, for the exchange use case ({@link
 * ResponseExchange}, one transaction) to record as the patient's own readings, home-care log and
 * adverse response, keep whole as sent (readable and searchable by patient), and keep each reading
 * it became as {@code derivedFrom} it. Anything refused stores nothing.
 */
@ApplicationScoped
public class QuestionnaireResponseWrites {

  private QuestionnaireCatalogue catalogue;
  private ResponseExchange exchange;

  /** For the CDI proxy only. */
  protected QuestionnaireResponseWrites() {}

  @Inject
  public QuestionnaireResponseWrites(QuestionnaireCatalogue catalogue, ResponseExchange exchange) {
    this.catalogue = catalogue;
    this.exchange = exchange;
  }

  public MethodOutcome create(QuestionnaireResponse sent) {
    MustUnderstand.check(sent);
    Questionnaire questionnaire = questionnaireOf(sent);
    if (sent.getStatus() != QuestionnaireResponseStatus.COMPLETED) {
      throw ResponseCheck.refused(
          IssueType.VALUE,
          "QuestionnaireResponse.status",
          sent.getStatus() == null ? "missing" : "'" + sent.getStatus().toCode() + "'",
          "completed");
    }
    String patientId = Refs.required("QuestionnaireResponse.subject", "Patient", sent.getSubject());
    String carePlanId =
        Refs.firstOf("QuestionnaireResponse.basedOn", "CarePlan", sent.getBasedOn());
    Map<String, Type> answers = ResponseCheck.answers(questionnaire, sent);
    RecordPatientReport command =
        command(questionnaire, answers, patientId, carePlanId, authored(sent));
    String id = TimeOrderedIds.next();
    Reference response = Refs.to("QuestionnaireResponse", id);
    ContextView kept;
    try {
      kept =
          exchange.record(
              command,
              ClinicalContext.toKeep(sent, id),
              reading -> {
                Observation projection = ObservationFhirMapper.toFhir(reading);
                Observation derived = projection.copy();
                derived.addDerivedFrom(response);
                return KeptResources.beside(derived, projection, Set.of());
              });
    } catch (InvalidValueException e) {
      throw ResponseCheck.refused(IssueType.VALUE, path(e.field()), e.getMessage(), e.allowed());
    } catch (RuleViolationException refused) {
      throw ClinicalContext.at(refused, "QuestionnaireResponse");
    }
    return ClinicalContext.answer(kept);
  }

  /** Lumbra's Questionnaire the response answers; any other is refused with those it has. */
  private Questionnaire questionnaireOf(QuestionnaireResponse sent) {
    String canonical = sent.hasQuestionnaire() ? sent.getQuestionnaire() : null;
    return catalogue
        .byCanonical(canonical)
        .orElseThrow(
            () ->
                ResponseCheck.refused(
                    IssueType.VALUE,
                    "QuestionnaireResponse.questionnaire",
                    canonical == null ? "missing" : "'" + canonical + "' is not served by Lumbra",
                    catalogue.all().stream()
                        .map(Questionnaire::getUrl)
                        .collect(Collectors.joining(", "))));
  }

  private static RecordPatientReport command(
      Questionnaire questionnaire,
      Map<String, Type> answers,
      String patientId,
      String carePlanId,
      OffsetDateTime authored) {
    RecordPatientReport command =
        switch (questionnaire.getIdElement().getIdPart()) {
          case Questionnaires.ROLAND_MORRIS ->
              function(
                  patientId,
                  carePlanId,
                  FunctionQuestionnaire.ROLAND_MORRIS,
                  rolandMorris(answers),
                  authored);
          case Questionnaires.OSWESTRY ->
              function(
                  patientId,
                  carePlanId,
                  FunctionQuestionnaire.OSWESTRY,
                  oswestry(answers),
                  authored);
          default -> diary(patientId, carePlanId, answers, authored);
        };
    return command;
  }

  /**
   * When the patient filled the form in: {@code authored} when it has a time of day; a bare date
   * (or none) is taken as received now.
   */
  private static OffsetDateTime authored(QuestionnaireResponse sent) {
    DateTimeType authored = sent.getAuthoredElement();
    if (authored.isEmpty()
        || authored.getPrecision().ordinal() < TemporalPrecisionEnum.MINUTE.ordinal()) {
      return null;
    }
    return FhirTime.offsetDateTime("QuestionnaireResponse.authored", authored);
  }

  /** The FHIR path of a field of the self-report command, for the OperationOutcome. */
  private static String path(String field) {
    return switch (field) {
      case RecordPatientReport.CARE_PLAN -> "QuestionnaireResponse.basedOn";
      case RecordPatientReport.PATIENT -> "QuestionnaireResponse.subject";
      case RecordPatientReport.REPORTED_AT -> "QuestionnaireResponse.authored";
      default -> "QuestionnaireResponse.item";
    };
  }

  private static RecordPatientReport diary(
      String patientId, String carePlanId, Map<String, Type> answers, OffsetDateTime authored) {
    Type adverse = answers.get(Questionnaires.ADVERSE_RESPONSE);
    Type note = answers.get(Questionnaires.ADVERSE_RESPONSE_NOTE);
    return new RecordPatientReport(
        patientId,
        carePlanId,
        integer(answers.get(Questionnaires.PAIN)),
        null,
        null,
        answers.get(Questionnaires.HOME_CARE_DONE) instanceof BooleanType done
            ? done.getValue()
            : null,
        integer(answers.get(Questionnaires.MEDICATION_DOSES)),
        adverse instanceof Coding coding
            ? Terminology.parse(
                AdverseResponseKind.class,
                "QuestionnaireResponse.item.answer.valueCoding",
                new Coding(Terminology.LUMBRA, coding.getCode(), null))
            : null,
        note instanceof StringType text ? text.getValue() : null,
        authored);
  }

  private static RecordPatientReport function(
      String patientId,
      String carePlanId,
      FunctionQuestionnaire measure,
      int score,
      OffsetDateTime authored) {
    return new RecordPatientReport(
        patientId, carePlanId, null, measure.name(), score, null, null, null, null, authored);
  }

  private static int rolandMorris(Map<String, Type> answers) {
    if (answers.isEmpty()) {
      // An unmarked statement counts as no, but a response that answers none says nothing.
      throw ResponseCheck.refused(
          IssueType.REQUIRED,
          "QuestionnaireResponse.item",
          "no statement answered",
          "an answer (true or false) to the statements rmdq-1 to rmdq-"
              + QuestionnaireScores.ROLAND_MORRIS_ITEMS);
    }
    List<Boolean> marked = new ArrayList<>();
    for (int n = 1; n <= QuestionnaireScores.ROLAND_MORRIS_ITEMS; n++) {
      if (answers.get(Questionnaires.rolandMorrisItem(n)) instanceof BooleanType answer) {
        marked.add(answer.getValue());
      }
    }
    return QuestionnaireScores.rolandMorris(marked);
  }

  private static int oswestry(Map<String, Type> answers) {
    List<Integer> sections = new ArrayList<>();
    for (int n = 1; n <= QuestionnaireScores.OSWESTRY_SECTIONS; n++) {
      if (answers.get(Questionnaires.oswestrySection(n)) instanceof Coding answer) {
        sections.add(
            Integer.valueOf(answer.getCode().substring(answer.getCode().lastIndexOf('-') + 1)));
      }
    }
    if (sections.size() < QuestionnaireScores.OSWESTRY_MIN_ANSWERED) {
      throw ResponseCheck.refused(
          IssueType.REQUIRED,
          "QuestionnaireResponse.item",
          sections.size()
              + " of the "
              + QuestionnaireScores.OSWESTRY_SECTIONS
              + " sections answered",
          "at least "
              + QuestionnaireScores.OSWESTRY_MIN_ANSWERED
              + " sections answered (odi-1 to odi-"
              + QuestionnaireScores.OSWESTRY_SECTIONS
              + ")");
    }
    return QuestionnaireScores.oswestry(sections);
  }

  private static Integer integer(Type value) {
    return value instanceof IntegerType number ? number.getValue() : null;
  }
}
