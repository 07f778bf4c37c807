package app.lumbra.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

class MinuteTimesInterceptorTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final String OBSERVATION =
      """
      {"resourceType":"Observation","status":"final","code":{"text":"pain"},
       "effectiveDateTime":"2026-10-25T09:00Z","issued":"2026-10-25T09:05:00Z",
       "contained":[{"resourceType":"Observation","status":"final","code":{"text":"x"},
         "effectiveDateTime":"2026-10-25T08:30+02:00"}]}
      """;

  @Test
  void aTimeToTheMinuteIsThatMinutesFirstSecondAndCanBeCopied() {
    Observation observation = FHIR.newJsonParser().parseResource(Observation.class, OBSERVATION);
    assertThatThrownBy(observation::copy)
        .as("HAPI cannot copy a minute-precision dateTime: the reason this exists")
        .isInstanceOf(IllegalArgumentException.class);

    MinuteTimesInterceptor.toWholeSeconds(FHIR, observation);

    Observation copy = observation.copy();
    assertThat(copy.getEffectiveDateTimeType().getValueAsString())
        .isEqualTo("2026-10-25T09:00:00Z");
    assertThat(
            ((Observation) copy.getContained().get(0))
                .getEffectiveDateTimeType()
                .getValueAsString())
        .isEqualTo("2026-10-25T08:30:00+02:00");
    assertThat(copy.getIssuedElement().getValueAsString()).isEqualTo("2026-10-25T09:05:00Z");
  }

  @Test
  void onlyABodyWithATimeWithoutSecondsIsWalked() {
    assertThat(MinuteTimesInterceptor.hasMinuteTime(bytes(OBSERVATION))).isTrue();
    assertThat(
            MinuteTimesInterceptor.hasMinuteTime(
                bytes("<effectiveDateTime value='2026-10-25T09:00-05:00'/>")))
        .isTrue();
    assertThat(
            MinuteTimesInterceptor.hasMinuteTime(
                bytes("{\"effectiveDateTime\":\"2026-10-25T09:00:00Z\",\"x\":\"T12:30\"}")))
        .isFalse();
    assertThat(
            MinuteTimesInterceptor.hasMinuteTime(
                bytes("{\"issued\":\"2026-10-25T09:00:00.123+02:00\"}")))
        .isFalse();
    assertThat(MinuteTimesInterceptor.hasMinuteTime(bytes("{\"text\":\"T09:00Z\"}")))
        .as("a false alarm only costs the walk")
        .isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theEntriesOfATransactionAreBroughtToSecondsToo() {
    String bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
            + OBSERVATION
            + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}";
    Bundle parsed = FHIR.newJsonParser().parseResource(Bundle.class, bundle);

    MinuteTimesInterceptor.toWholeSeconds(FHIR, parsed);

    Observation entry = (Observation) parsed.getEntryFirstRep().getResource();
    assertThat(entry.copy().getEffectiveDateTimeType().getValueAsString())
        .isEqualTo("2026-10-25T09:00:00Z");
  }

  @Test
  void aTimeInAnExtensionOfAPrimitiveIsBroughtToSecondsToo() {
    Observation observation =
        FHIR.newJsonParser()
            .parseResource(
                Observation.class,
                """
                {"resourceType":"Observation","status":"final","code":{"text":"pain"},
                 "effectiveDateTime":"2026-10-25T09:00:00Z",
                 "_effectiveDateTime":{"extension":[{"url":"urn:ehr:noted",
                   "valueDateTime":"2026-10-25T09:05Z"}]}}
                """);

    MinuteTimesInterceptor.toWholeSeconds(FHIR, observation);

    assertThat(
            observation
                .copy()
                .getEffectiveDateTimeType()
                .getExtensionByUrl("urn:ehr:noted")
                .getValue()
                .primitiveValue())
        .isEqualTo("2026-10-25T09:05:00Z");
  }
}
