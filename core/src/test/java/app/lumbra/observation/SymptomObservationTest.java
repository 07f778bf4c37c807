package app.lumbra.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.shared.InvalidValueException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SymptomObservationTest {

  private static final Clock NOW = TestClocks.MONDAY_MORNING;
  private static final OffsetDateTime THIS_MORNING =
      OffsetDateTime.of(2026, 3, 2, 7, 30, 0, 0, ZoneOffset.ofHours(1));

  @Test
  @DisplayName("OBS-1: a diary pain reading keeps its value time and context")
  void OBS_1_aDiaryPainReadingKeepsItsValueTimeAndContext() {
    SymptomObservation reading =
        SymptomObservation.record(
            "patient-1",
            "plan-1",
            null,
            ReadingContext.DIARY,
            ReadingSource.HOME_DIARY,
            THIS_MORNING,
            PainScore.of(6),
            NOW);
    assertThat(reading.reading()).isEqualTo(PainScore.of(6));
    assertThat(reading.effectiveAt()).isEqualTo(THIS_MORNING);
    assertThat(reading.context()).isEqualTo(ReadingContext.DIARY);
    assertThat(reading.carePlanId()).contains("plan-1");
    assertThat(reading.sessionId()).isEmpty();
  }

  @Test
  @DisplayName("OBS-2: symptom readings come back as they were given")
  void OBS_2_symptomReadingsComeBackAsTheyWereGiven() {
    SymptomObservation stiffness =
        SymptomObservation.record(
            "patient-1",
            null,
            null,
            ReadingContext.EHR_IMPORT,
            ReadingSource.EHR_IMPORT,
            THIS_MORNING,
            StiffnessScore.of(7, true),
            NOW);
    SymptomObservation legPain =
        SymptomObservation.record(
            "patient-1",
            null,
            null,
            ReadingContext.DIARY,
            ReadingSource.PORTAL,
            THIS_MORNING,
            LegPain.present(LegPain.Side.BOTH),
            NOW);
    assertThat(stiffness.reading()).isEqualTo(StiffnessScore.of(7, true));
    assertThat(legPain.reading()).isEqualTo(LegPain.present(LegPain.Side.BOTH));
  }

  @Test
  @DisplayName("OBS-4: a future dated reading is rejected naming the field")
  void OBS_4_aFutureDatedReadingIsRejectedNamingTheField() {
    OffsetDateTime tomorrow = THIS_MORNING.plusDays(1);
    assertThatThrownBy(
            () ->
                SymptomObservation.record(
                    "patient-1",
                    null,
                    null,
                    ReadingContext.DIARY,
                    ReadingSource.HOME_DIARY,
                    tomorrow,
                    PainScore.of(3),
                    NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("effectiveDateTime")
        .hasMessageContaining("not after now");
  }

  @Test
  @DisplayName("OBS-1: pre and post session readings must name their session")
  void OBS_1_preAndPostSessionReadingsMustNameTheirSession() {
    assertThatThrownBy(
            () ->
                SymptomObservation.record(
                    "patient-1",
                    "plan-1",
                    null,
                    ReadingContext.PRE_SESSION,
                    ReadingSource.PORTAL,
                    THIS_MORNING,
                    PainScore.of(5),
                    NOW))
        .hasMessageContaining("sessionId");
    assertThatThrownBy(
            () ->
                SymptomObservation.record(
                    "patient-1",
                    "plan-1",
                    "session-1",
                    ReadingContext.DIARY,
                    ReadingSource.PORTAL,
                    THIS_MORNING,
                    PainScore.of(5),
                    NOW))
        .hasMessageContaining("context");
  }

  @Test
  @DisplayName("OBS-4: missing patient and value are rejected")
  void OBS_4_missingPatientAndValueAreRejected() {
    assertThatThrownBy(
            () ->
                SymptomObservation.record(
                    " ",
                    null,
                    null,
                    ReadingContext.DIARY,
                    ReadingSource.PORTAL,
                    THIS_MORNING,
                    PainScore.of(5),
                    NOW))
        .hasMessageContaining("patientId");
    assertThatThrownBy(
            () ->
                SymptomObservation.record(
                    "patient-1",
                    null,
                    null,
                    ReadingContext.DIARY,
                    ReadingSource.PORTAL,
                    THIS_MORNING,
                    null,
                    NOW))
        .hasMessageContaining("value");
  }
}
