package app.lumbra.web.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.web.it.BackendClient;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import app.lumbra.web.it.TestTokens;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk Data export end to end, black box: kick-off, polling, manifest, NDJSON download with a
 * registered backend client whose care team is the exported Group, so the files hold exactly the
 * data this test created.
 */
@ExtendWith(SharedLumbra.class)
class BulkExportIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String LUMBRA = "https://lumbra.app/fhir/CodeSystem/lumbra";
  private static final String SCOPES = "system/*.cruds";

  /** A backend client of a fresh care team, its token, and the team's FHIR client. */
  private record Team(String name, String token, IGenericClient fhir) {}

  private static Team newTeam(LumbraProcess lumbra) throws Exception {
    String name = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
    BackendClient client = BackendClient.register(lumbra, SCOPES, name);
    String token = client.accessToken(lumbra, SCOPES);
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient fhir = FHIR.newRestfulGenericClient(lumbra.fhirBase());
    fhir.registerInterceptor(new BearerTokenAuthInterceptor(token));
    return new Team(name, token, fhir);
  }

  private static String newPatient(IGenericClient fhir, String family) {
    Patient patient = new Patient();
    patient
        .addIdentifier()
        .setSystem("urn:oid:1.2.36.146.595.217.0.1")
        .setValue("MRN-" + UUID.randomUUID());
    patient.addName().setFamily(family).addGiven("Berit");
    patient.setBirthDateElement(new DateType("1975-04-02"));
    patient.setGender(AdministrativeGender.FEMALE);
    return fhir.create().resource(patient).execute().getId().getIdPart();
  }

  private static Condition lowBackPain(String patientId) {
    Condition condition = new Condition();
    condition.setSubject(new Reference("Patient/" + patientId));
    condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "279039007", null)));
    condition.setOnset(new DateTimeType("2025-09-01"));
    condition.addExtension(
        "https://lumbra.app/fhir/StructureDefinition/onset-type",
        new Coding(LUMBRA, "onset-chronic", null));
    condition.setSeverity(new CodeableConcept(new Coding(LUMBRA, "severity-moderate", null)));
    return condition;
  }

  private static Observation pain(String patientId, int value, String date) {
    String json =
        resource("fhir/observation-pain.json")
            .replace("${patient}", patientId)
            .replace("${value}", Integer.toString(value))
            .replace("${date}", date);
    return FHIR.newJsonParser().parseResource(Observation.class, json);
  }

  /** A vital sign: not about low-back pain, so kept as the patient's clinical context. */
  private static Observation heartRate(String patientId) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category",
                "vital-signs",
                "Vital Signs")));
    observation.setCode(
        new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
    observation.setSubject(new Reference("Patient/" + patientId));
    observation.setEffective(new DateTimeType("2026-03-03T08:00:00Z"));
    observation.setValue(
        new Quantity()
            .setValue(72)
            .setUnit("/min")
            .setSystem("http://unitsofmeasure.org")
            .setCode("/min"));
    return observation;
  }

  private static CarePlan plan(String patientId) {
    return FHIR.newJsonParser()
        .parseResource(
            CarePlan.class,
            resource("fhir/careplan.json")
                .replace("${patient}", patientId)
                .replace("${status}", "active"));
  }

  private static String resource(String path) {
    try (var in = BulkExportIT.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(path, e);
    }
  }

  private static HttpResponse<String> get(String url, String token, boolean async)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (async) {
      request.header("Prefer", "respond-async").header("Accept", "application/fhir+json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Kicks off, polls until done and answers the manifest. */
  private static JsonObject export(String url, String token) throws Exception {
    HttpResponse<String> kickOff = get(url, token, true);
    assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
    String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> poll = get(status, token, false);
      if (poll.statusCode() == 200) {
        assertThat(poll.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/json");
        return Json.createReader(new StringReader(poll.body())).readObject();
      }
      assertThat(poll.statusCode()).as(poll.body()).isEqualTo(202);
      assertThat(poll.headers().firstValue("X-Progress")).isPresent();
      Thread.sleep(300);
    }
    throw new AssertionError("export not done within 60 s: " + status);
  }

  /** Each file of the manifest, downloaded, as its type and its parsed lines. */
  private static Map<String, List<IBaseResource>> files(JsonObject manifest, String token)
      throws Exception {
    Map<String, List<IBaseResource>> files = new LinkedHashMap<>();
    for (JsonObject output : manifest.getJsonArray("output").getValuesAs(JsonObject.class)) {
      HttpResponse<String> file = get(output.getString("url"), token, false);
      assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/fhir+ndjson");
      List<IBaseResource> lines = new ArrayList<>();
      for (String line : file.body().split("\n")) {
        IBaseResource resource = FHIR.newJsonParser().parseResource(line);
        assertThat(resource.fhirType()).isEqualTo(output.getString("type"));
        lines.add(resource);
      }
      assertThat(lines).hasSize(output.getInt("count"));
      files.put(output.getString("type"), lines);
    }
    return files;
  }

  @Test
  void aGroupExportWritesAnNdjsonFilePerTypeWhoseLinesValidateAgainstUsCore(LumbraProcess lumbra)
      throws Exception {
    Team team = newTeam(lumbra);
    String first = newPatient(team.fhir(), "Export");
    String second = newPatient(team.fhir(), "Exportova");
    team.fhir().create().resource(lowBackPain(first)).execute();
    team.fhir().create().resource(plan(first)).execute();
    team.fhir().create().resource(pain(first, 7, "2026-03-02T08:00:00Z")).execute();
    team.fhir().create().resource(pain(first, 5, "2026-03-09T08:00:00Z")).execute();
    team.fhir().create().resource(pain(second, 6, "2026-03-03T08:00:00Z")).execute();
    team.fhir().create().resource(heartRate(second)).execute();
    // The patient's app sent a pain diary: kept whole, and its pain is a reading.
    QuestionnaireResponse diary =
        new QuestionnaireResponse()
            .setQuestionnaire("https://lumbra.app/fhir/Questionnaire/lumbra-pain-diary")
            .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
            .setSubject(new Reference("Patient/" + first))
            .setAuthoredElement(new DateTimeType("2026-03-10T19:30:00Z"));
    diary.addItem().setLinkId("pain").addAnswer().setValue(new IntegerType(3));
    team.fhir().create().resource(diary).execute();
    Patient married = team.fhir().read().resource(Patient.class).withId(second).execute();
    married.setMaritalStatus(
        new CodeableConcept(
            new Coding("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "M", "Married")));
    team.fhir().update().resource(married).execute();
    // Another team's patient, which the group export must not hold.
    String outsider = newPatient(newTeam(lumbra).fhir(), "Outsider");

    JsonObject manifest =
        export(
            lumbra.fhirBase()
                + "/Group/"
                + team.name()
                + "/$export?_outputFormat=application/fhir%2Bndjson",
            team.token());

    assertThat(manifest.getBoolean("requiresAccessToken")).isTrue();
    assertThat(manifest.getString("request")).contains("/Group/" + team.name() + "/$export");
    Map<String, List<IBaseResource>> files = files(manifest, team.token());
    assertThat(files.keySet())
        .containsExactly(
            "Patient",
            "Condition",
            "CarePlan",
            "Goal",
            "Observation",
            "QuestionnaireResponse",
            "DetectedIssue");
    assertThat(files.get("Patient"))
        .extracting(resource -> resource.getIdElement().getIdPart())
        .containsExactlyInAnyOrder(first, second)
        .doesNotContain(outsider);
    // What the partner sent beyond the domain is exported as a read answers it (FHIR-1).
    assertThat(files.get("Patient"))
        .filteredOn(resource -> resource.getIdElement().getIdPart().equals(second))
        .singleElement()
        .satisfies(
            resource ->
                assertThat(((Patient) resource).getMaritalStatus().getCodingFirstRep().getCode())
                    .isEqualTo("M"));
    // Four pain readings (one from the diary) and the heart rate kept as clinical context.
    assertThat(files.get("Observation")).hasSize(5);
    assertThat(files.get("QuestionnaireResponse"))
        .singleElement()
        .satisfies(
            resource ->
                assertThat(
                        ((QuestionnaireResponse) resource).getAuthoredElement().getValueAsString())
                    .isEqualTo("2026-03-10T19:30:00Z"));
    // The plan has no red-flag screen yet: its SAFE-1 alert is exported as a DetectedIssue.
    assertThat(files.get("DetectedIssue"))
        .extracting(resource -> ((DetectedIssue) resource).getCode().getCodingFirstRep().getCode())
        .contains("SAFE-1");
    List<String> errors = new ArrayList<>();
    for (List<IBaseResource> lines : files.values()) {
      for (IBaseResource resource : lines) {
        UsCoreValidator.get()
            .errors(resource)
            .forEach(error -> errors.add(resource.getIdElement().getValue() + " " + error));
      }
    }
    assertThat(errors).isEmpty();
  }

  /** A Group listing {@code patients}, as a client sends it. */
  private static Group listOf(String id, String... patients) {
    Group group = new Group().setType(Group.GroupType.PERSON).setActual(true).setName("Study");
    group.setId(id);
    for (String patient : patients) {
      group.addMember().setEntity(new Reference("Patient/" + patient));
    }
    return group;
  }

  @Test
  void aGroupThatListsPatientsExportsThosePatientsOnly(LumbraProcess lumbra) throws Exception {
    Team team = newTeam(lumbra);
    String first = newPatient(team.fhir(), "Listed");
    String second = newPatient(team.fhir(), "Listedova");
    // Of the same care team, but not on the list.
    String unlisted = newPatient(team.fhir(), "Unlisted");
    team.fhir().create().resource(pain(first, 6, "2026-03-02T08:00:00Z")).execute();
    team.fhir().create().resource(pain(unlisted, 7, "2026-03-02T08:00:00Z")).execute();
    String id = "study-" + UUID.randomUUID().toString().substring(0, 8);

    // FHIR-4: an unknown member is 422 naming it, and nothing is stored.
    assertThatThrownBy(
            () -> team.fhir().update().resource(listOf(id, first, "no-such-patient")).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            refused ->
                assertThat(
                        ((OperationOutcome) refused.getOperationOutcome())
                            .getIssueFirstRep()
                            .getExpression())
                    .extracting(Object::toString)
                    .containsExactly("Group.member[1].entity"));
    assertThatThrownBy(() -> team.fhir().read().resource(Group.class).withId(id).execute())
        .isInstanceOf(ResourceNotFoundException.class);

    // FHIR-1: what the partner says beyond the list is kept and given back.
    Group sent = listOf(id, first, second);
    sent.addIdentifier().setSystem("urn:study:registry").setValue("STUDY-42");
    sent.addCharacteristic()
        .setCode(new CodeableConcept().setText("enrolled"))
        .setValue(new BooleanType(true))
        .setExclude(false);
    team.fhir().update().resource(sent).execute();
    Group read = team.fhir().read().resource(Group.class).withId(id).execute();
    assertThat(read.getMember())
        .extracting(member -> member.getEntity().getReference())
        .containsExactly("Patient/" + first, "Patient/" + second);
    assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo("STUDY-42");
    assertThat(read.getCharacteristicFirstRep().getCode().getText()).isEqualTo("enrolled");
    assertThat(read.getQuantity()).isEqualTo(2);
    Bundle found =
        team.fhir()
            .search()
            .forResource(Group.class)
            .where(Group.RES_ID.exactly().code(id))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getTotal()).isEqualTo(1);
    // A patient's token reaches no Group: a group lists other patients.
    assertThat(
            get(
                    lumbra.fhirBase() + "/Group/" + id,
                    TestTokens.forPatient(first, "patient/*.rs"),
                    false)
                .statusCode())
        .isEqualTo(403);

    JsonObject manifest =
        export(
            lumbra.fhirBase() + "/Group/" + id + "/$export?_type=Patient,Observation",
            team.token());

    assertThat(manifest.getString("request")).contains("/Group/" + id + "/$export");
    Map<String, List<IBaseResource>> files = files(manifest, team.token());
    assertThat(files.get("Patient"))
        .extracting(resource -> resource.getIdElement().getIdPart())
        .containsExactlyInAnyOrder(first, second);
    assertThat(files.get("Observation"))
        .singleElement()
        .satisfies(
            resource ->
                assertThat(((Observation) resource).getSubject().getReference())
                    .isEqualTo("Patient/" + first));
  }

  @Test
  void aSinceExportHoldsOnlyWhatChangedAfterIt(LumbraProcess lumbra) throws Exception {
    Team team = newTeam(lumbra);
    String patient = newPatient(team.fhir(), "Since");
    team.fhir().create().resource(pain(patient, 8, "2026-03-02T08:00:00Z")).execute();
    Thread.sleep(1100);
    String since = Instant.now().toString();
    Thread.sleep(1100);
    IdType later =
        (IdType)
            team.fhir()
                .create()
                .resource(pain(patient, 4, "2026-03-09T08:00:00Z"))
                .execute()
                .getId();

    JsonObject manifest =
        export(
            lumbra.fhirBase()
                + "/Group/"
                + team.name()
                + "/$export?_type=Patient,Observation&_since="
                + since,
            team.token());

    Map<String, List<IBaseResource>> files = files(manifest, team.token());
    assertThat(files.keySet()).containsExactly("Observation");
    assertThat(files.get("Observation"))
        .extracting(resource -> resource.getIdElement().getIdPart())
        .containsExactly(later.getIdPart());
  }

  @Test
  void aPatientTokenIsRefusedAndAnotherClientCannotPollTheJob(LumbraProcess lumbra)
      throws Exception {
    String patient = newPatient(lumbra.fhirClient(), "Refused");
    HttpResponse<String> refused =
        get(
            lumbra.fhirBase() + "/Patient/$export",
            TestTokens.forPatient(patient, "patient/*.rs"),
            true);
    assertThat(refused.statusCode()).isEqualTo(403);
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("system/");

    HttpResponse<String> kickOff =
        get(lumbra.fhirBase() + "/$export?_type=Patient", TestTokens.system(), true);
    assertThat(kickOff.statusCode()).isEqualTo(202);
    String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
    Team other = newTeam(lumbra);
    assertThat(get(status, other.token(), false).statusCode()).isEqualTo(404);
  }

  @Test
  void withoutPreferRespondAsyncOrWithAnUnknownTypeTheKickOffIs400NamingIt(LumbraProcess lumbra)
      throws Exception {
    HttpResponse<String> sync = get(lumbra.fhirBase() + "/$export", TestTokens.system(), false);
    assertThat(sync.statusCode()).isEqualTo(400);
    assertThat(sync.body()).contains("Prefer").contains("respond-async");

    HttpResponse<String> unknown =
        get(lumbra.fhirBase() + "/$export?_type=Medication", TestTokens.system(), true);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("_type").contains("Observation");

    HttpResponse<String> format =
        get(lumbra.fhirBase() + "/$export?_outputFormat=text/csv", TestTokens.system(), true);
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("_outputFormat");

    HttpResponse<String> group =
        get(lumbra.fhirBase() + "/Group/no-such-team/$export", TestTokens.system(), true);
    assertThat(group.statusCode()).isEqualTo(404);
    assertThat(group.body()).contains("care team").contains("Group of patients");
  }

  @Test
  void deleteCancelsTheJobAndItsStatusIsGone(LumbraProcess lumbra) throws Exception {
    Team team = newTeam(lumbra);
    newPatient(team.fhir(), "Cancelled");
    HttpResponse<String> kickOff =
        get(lumbra.fhirBase() + "/Group/" + team.name() + "/$export", team.token(), true);
    String status = kickOff.headers().firstValue("Content-Location").orElseThrow();

    HttpResponse<String> cancelled =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(status))
                .header("Authorization", "Bearer " + team.token())
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
    assertThat(get(status, team.token(), false).statusCode()).isEqualTo(404);
  }
}
