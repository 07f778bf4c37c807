package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.shared.DomainException;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FHIR-1: the official R4 CarePlan and Observation examples (hl7.fhir.r4.examples 4.0.1, CC0) parse
 * strictly and are either imported or rejected with a precise reason naming the element. Elements
 * Lumbra does not model no longer refuse them (FHIR-1 keeps them); none is about low-back pain, so
 * each is still refused, by a code outside the measures of OBS-1 / OBS-2 (400, OBS-4) or by what a
 * Lumbra plan needs. Keeping such resources as the patient's clinical context is not built yet.
 */
class OfficialExamplesTest {

  private static final IParser STRICT =
      FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '"',
      value = {
        "CarePlan-example.json, CarePlan.extension('patient-factors'): a missing value",
        "CarePlan-f001.json, CarePlan.extension('patient-factors'): a missing value",
        "CarePlan-integrate.json, CarePlan.extension('patient-factors'): a missing value",
        "CarePlan-obesity-narrative.json, CarePlan.extension('patient-factors'): a missing value",
      })
  void officialCarePlanExampleIsRejectedNamingTheElement(String file, String reason)
      throws IOException {
    CarePlan plan = STRICT.parseResource(CarePlan.class, example(file));
    assertThatThrownBy(() -> CarePlanFhirMapper.toDomain(plan, goalId -> Optional.empty()))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '"',
      value = {
        "Observation-example.json, Observation.code: '29463-7' is not allowed",
        "Observation-body-temperature.json, Observation.code: '8310-5' is not allowed",
        "Observation-bmi.json, Observation.code: '39156-5' is not allowed",
        "Observation-vomiting.json, Observation.code: '45708-5' is not allowed",
      })
  void officialObservationExampleIsRejectedNamingTheElement(String file, String reason)
      throws IOException {
    Observation observation = STRICT.parseResource(Observation.class, example(file));
    assertThatThrownBy(() -> ObservationFhirMapper.toDomain(observation))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining(reason);
  }

  private static String example(String file) throws IOException {
    try (InputStream in =
        OfficialExamplesTest.class.getClassLoader().getResourceAsStream("examples/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
