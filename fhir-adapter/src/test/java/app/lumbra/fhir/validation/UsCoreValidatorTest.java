package app.lumbra.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.terminology.Terminology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FHIR-5: the US Core validator both rejects what the profiles forbid and accepts what US Core
 * itself publishes, so that "0 errors" on Lumbra's output means something.
 */
class UsCoreValidatorTest {

  private static final Set<String> SIX_TYPES =
      Set.of("Patient", "Condition", "CarePlan", "Goal", "Procedure", "Observation");

  @Test
  void usCorePatientWithoutIdentifierAndNameHasErrors() {
    Patient patient = new Patient();
    patient.getMeta().addProfile(Terminology.US_CORE_PATIENT);
    patient.setGender(AdministrativeGender.FEMALE);

    assertThat(UsCoreValidator.get().errors(patient))
        .anySatisfy(error -> assertThat(error).contains("Patient.identifier"))
        .anySatisfy(error -> assertThat(error).contains("Patient.name"));
  }

  @Test
  void problemListConditionWithoutCategoryHasAnError() {
    Condition condition = new Condition();
    condition.getMeta().addProfile(Terminology.US_CORE_CONDITION);
    condition.setClinicalStatus(
        new CodeableConcept(new Coding(Terminology.CONDITION_CLINICAL, "active", null)));
    condition.setCode(Terminology.lowBackPain());
    condition.setSubject(new Reference("Patient/example"));

    assertThat(UsCoreValidator.get().errors(condition))
        .anySatisfy(error -> assertThat(error).contains("Condition.category"));
  }

  @Test
  void aLumbraCodeThatDoesNotExistIsAnError() {
    Condition condition = new Condition();
    condition.getMeta().addProfile(Terminology.US_CORE_CONDITION);
    condition.addCategory(
        new CodeableConcept(
            new Coding(Terminology.CONDITION_CATEGORY, Terminology.PROBLEM_LIST_ITEM, null)));
    condition.setCode(
        Terminology.lowBackPain().addCoding(new Coding(Terminology.LUMBRA, "no-such-code", null)));
    condition.setSubject(new Reference("Patient/example"));

    assertThat(UsCoreValidator.get().errors(condition))
        .anySatisfy(error -> assertThat(error).contains("no-such-code"));
  }

  static Stream<Path> publishedExamples() throws IOException {
    try (Stream<Path> files = Files.list(UsCoreValidator.directory().resolve("examples"))) {
      List<Path> examples =
          files
              .filter(file -> file.toString().endsWith(".json"))
              .filter(UsCoreValidatorTest::isOneOfTheSixTypes)
              .sorted()
              .toList();
      return examples.stream();
    }
  }

  private static boolean isOneOfTheSixTypes(Path file) {
    try {
      IBaseResource resource =
          UsCoreValidator.get().fhirContext().newJsonParser().parseResource(Files.readString(file));
      return SIX_TYPES.contains(resource.fhirType());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("publishedExamples")
  void publishedUsCoreExampleHasNoErrors(Path file) throws IOException {
    IBaseResource example =
        UsCoreValidator.get().fhirContext().newJsonParser().parseResource(Files.readString(file));

    assertThat(UsCoreValidator.get().errors(example)).as(file.getFileName().toString()).isEmpty();
  }
}
