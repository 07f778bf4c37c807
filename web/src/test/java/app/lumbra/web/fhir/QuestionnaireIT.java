package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import app.lumbra.web.it.TestTokens;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OUT-5, black box: a patient app with a {@code patient/} SMART token reads Lumbra's Questionnaires
 * and posts QuestionnaireResponses; each becomes the patient's own readings (performer the Patient,
 * {@code derivedFrom} the response), is refused with 403 for another patient and with 422 naming
 * the answer's path for an invalid answer, storing nothing.
 */
@ExtendWith(SharedLumbra.class)
class QuestionnaireIT {

  private static final String BASE = "https://lumbra.app/fhir/Questionnaire/";
  private static final String PATIENT_APP =
      "patient/QuestionnaireResponse.crs patient/Observation.rs";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPatientAppPostsItsDiaryAndItBecomesThePatientsReadingsDerivedFromIt(LumbraProcess lumbra)
      throws Exception {
    IGenericClient system = FhirClients.client(lumbra);
    String patient = patientWithActivePlan(system, "Diary");
    String token = TestTokens.forPatient(patient, PATIENT_APP);

    HttpResponse<String> questionnaires = get(lumbra, "Questionnaire?name=oswestry", token);
    assertThat(questionnaires.statusCode()).as(questionnaires.body()).isEqualTo(200);
    Bundle found = parse(Bundle.class, questionnaires.body());
    assertThat(found.getEntry()).hasSize(1);
    Questionnaire oswestry = (Questionnaire) found.getEntryFirstRep().getResource();
    assertThat(oswestry.getItem()).hasSize(10).allMatch(item -> !item.hasText());

    // Filled in an hour ago, sent now: the readings are timed when the patient answered.
    Date filledIn =
        Date.from(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
    HttpResponse<String> posted =
        post(
            lumbra,
            diary(patient)
                .setAuthored(filledIn)
                .addItem(answer("pain", new IntegerType(4)))
                .addItem(answer("medication-doses", new IntegerType(2)))
                .addItem(answer("home-care-done", new BooleanType(true))),
            token);

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    String responseId = parse(QuestionnaireResponse.class, posted.body()).getIdPart();
    List<Observation> readings = readings(lumbra, patient, token);
    assertThat(readings).hasSize(2);
    assertThat(readings)
        .allSatisfy(
            reading -> {
              assertThat(reading.getDerivedFrom())
                  .extracting(Reference::getReference)
                  .containsExactly("QuestionnaireResponse/" + responseId);
              assertThat(reading.getPerformer())
                  .extracting(Reference::getReference)
                  .containsExactly("Patient/" + patient);
              assertThat(reading.getEffectiveDateTimeType().getValue()).isEqualTo(filledIn);
            });
    assertThat(readings)
        .extracting(reading -> reading.getValueQuantity().getValue().intValue())
        .containsExactlyInAnyOrder(4, 2);

    HttpResponse<String> read = get(lumbra, "QuestionnaireResponse/" + responseId, token);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(parse(QuestionnaireResponse.class, read.body()).getItem()).hasSize(3);
    assertThat(responsesOf(lumbra, patient, token)).hasSize(1);
    HttpResponse<String> everything =
        get(lumbra, "Patient/" + patient + "/$everything", TestTokens.system());
    assertThat(everything.statusCode()).as(everything.body()).isEqualTo(200);
    assertThat(parse(Bundle.class, everything.body()).getEntry())
        .extracting(
            entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .contains("QuestionnaireResponse/" + responseId);
  }

  @Test
  void rolandMorrisAndOswestryResponsesAreScoredIntoTheirTotals(LumbraProcess lumbra)
      throws Exception {
    IGenericClient system = FhirClients.client(lumbra);
    String patient = patientWithActivePlan(system, "Function");
    String token = TestTokens.forPatient(patient, PATIENT_APP);
    QuestionnaireResponse rmdq = response(BASE + "roland-morris", patient);
    for (int n = 1; n <= 24; n++) {
      rmdq.addItem(answer("rmdq-" + n, new BooleanType(n <= 7)));
    }
    QuestionnaireResponse odi = response(BASE + "oswestry|1", patient);
    for (int n = 1; n <= 10; n++) {
      odi.addItem(
          answer(
              "odi-" + n,
              new Coding("https://lumbra.app/fhir/CodeSystem/lumbra", "odi-answer-2", null)));
    }

    assertThat(post(lumbra, rmdq, token).statusCode()).isEqualTo(201);
    assertThat(post(lumbra, odi, token).statusCode()).isEqualTo(201);

    assertThat(readings(lumbra, patient, token))
        .extracting(
            reading ->
                reading.getCode().getCodingFirstRep().getCode()
                    + "="
                    + reading.getValueQuantity().getValue().intValue())
        .containsExactlyInAnyOrder("measure-roland-morris=7", "97909-6=40");
  }

  @Test
  void aPatientTokenPostingForAnotherPatientIsRefusedAndNothingIsStored(LumbraProcess lumbra)
      throws Exception {
    IGenericClient system = FhirClients.client(lumbra);
    String own = patientWithActivePlan(system, "Own");
    String other = patientWithActivePlan(system, "Other");
    String token = TestTokens.forPatient(own, PATIENT_APP);

    HttpResponse<String> posted =
        post(lumbra, diary(other).addItem(answer("pain", new IntegerType(6))), token);

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(403);
    assertThat(parse(OperationOutcome.class, posted.body()).getIssueFirstRep().getCode())
        .isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    String systemToken = TestTokens.system();
    assertThat(readings(lumbra, other, systemToken)).isEmpty();
    assertThat(responsesOf(lumbra, other, systemToken)).isEmpty();
  }

  @Test
  void anInvalidAnswerIsRefusedNamingItsPathAndNothingIsStored(LumbraProcess lumbra)
      throws Exception {
    IGenericClient system = FhirClients.client(lumbra);
    String patient = patientWithActivePlan(system, "Invalid");
    String token = TestTokens.forPatient(patient, PATIENT_APP);

    HttpResponse<String> posted =
        post(
            lumbra,
            diary(patient)
                .addItem(answer("medication-doses", new IntegerType(1)))
                .addItem(answer("pain", new IntegerType(11))),
            token);

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(422);
    OperationOutcome.OperationOutcomeIssueComponent issue =
        parse(OperationOutcome.class, posted.body()).getIssueFirstRep();
    assertThat(issue.getExpression())
        .extracting(StringType::getValue)
        .containsExactly("QuestionnaireResponse.item[1].answer[0].valueInteger");
    assertThat(issue.getDiagnostics()).contains("an integer from 0 to 10");
    assertThat(readings(lumbra, patient, token)).isEmpty();
    assertThat(responsesOf(lumbra, patient, token)).isEmpty();
  }

  @Test
  void theCapabilityStatementListsQuestionnairesAndResponses(LumbraProcess lumbra) {
    CapabilityStatement metadata =
        FhirClients.client(lumbra).capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(metadata.getRestFirstRep().getResource())
        .filteredOn(resource -> resource.getType().equals("Questionnaire"))
        .singleElement()
        .satisfies(
            resource ->
                assertThat(resource.getSearchParam())
                    .extracting(
                        CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent
                            ::getName)
                    .contains("url", "name"));
    assertThat(metadata.getRestFirstRep().getResource())
        .filteredOn(resource -> resource.getType().equals("QuestionnaireResponse"))
        .singleElement()
        .satisfies(
            resource ->
                assertThat(resource.getInteraction())
                    .extracting(interaction -> interaction.getCode().toCode())
                    .contains("create", "read", "search-type"));
  }

  private static String patientWithActivePlan(IGenericClient system, String family) {
    String patient = FhirClients.createPatient(system, family).getIdPart();
    system.create().resource(FhirClients.carePlan(patient, "active")).execute();
    return patient;
  }

  private static QuestionnaireResponse diary(String patient) {
    return response(BASE + "lumbra-pain-diary", patient);
  }

  private static QuestionnaireResponse response(String questionnaire, String patient) {
    return new QuestionnaireResponse()
        .setQuestionnaire(questionnaire)
        .setStatus(QuestionnaireResponseStatus.COMPLETED)
        .setSubject(new Reference("Patient/" + patient));
  }

  private static QuestionnaireResponse.QuestionnaireResponseItemComponent answer(
      String linkId, Type value) {
    QuestionnaireResponse.QuestionnaireResponseItemComponent item =
        new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(linkId);
    item.addAnswer().setValue(value);
    return item;
  }

  private List<Observation> readings(LumbraProcess lumbra, String patient, String token)
      throws IOException, InterruptedException {
    return entries(lumbra, "Observation?patient=" + patient, token, Observation.class);
  }

  private List<QuestionnaireResponse> responsesOf(
      LumbraProcess lumbra, String patient, String token) throws IOException, InterruptedException {
    return entries(
        lumbra, "QuestionnaireResponse?patient=" + patient, token, QuestionnaireResponse.class);
  }

  private <T extends Resource> List<T> entries(
      LumbraProcess lumbra, String query, String token, Class<T> type)
      throws IOException, InterruptedException {
    HttpResponse<String> response = get(lumbra, query, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return parse(Bundle.class, response.body()).getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .map(type::cast)
        .toList();
  }

  private HttpResponse<String> get(LumbraProcess lumbra, String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(lumbra.uri("/fhir/" + path))
            .header("Accept", "application/fhir+json")
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(
      LumbraProcess lumbra, QuestionnaireResponse response, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(lumbra.uri("/fhir/QuestionnaireResponse"))
            .header("Accept", "application/fhir+json")
            .header("Content-Type", "application/fhir+json")
            .header("Prefer", "return=representation")
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    FhirClients.FHIR.newJsonParser().encodeResourceToString(response)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static <T extends Resource> T parse(Class<T> type, String body) {
    return FhirClients.FHIR.newJsonParser().parseResource(type, body);
  }
}
