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
 * strictly and are either imported or rejected with a precise reason naming the element. None of
 * them is about low-back pain, so each is rejected: by the first element Lumbra does not store
 * (422, FHIR-1) or by a code outside the measures of OBS-1 / OBS-2 (400, OBS-4).
 */
class OfficialExamplesTest {

  private static final IParser STRICT =
      FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '"',
      value = {
        "CarePlan-example.json, FHIR-1 (CarePlan.identifier)",
        "CarePlan-f001.json, FHIR-1 (CarePlan.identifier)",
        "CarePlan-integrate.json, FHIR-1 (CarePlan.note)",
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
        "Observation-example.json, FHIR-1 (Observation.encounter)",
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
