package app.lumbra.fhir.observation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.param.TokenOrListParam;
import org.junit.jupiter.api.Test;

/**
 * FHIR-9: a search for readings of Lumbra's measures only (each code with its system) is spared the
 * clinical context, which never holds such a reading; any other code still searches both.
 */
class OnlyMeasuresTest {

  @Test
  void theLoincPainScoreAndLumbrasOwnCodeAreMeasures() {
    assertThat(ObservationResourceProvider.onlyMeasures(codes("http://loinc.org", "72514-3")))
        .isTrue();
  }

  @Test
  void aCodeWithoutSystemOrAnotherCodeAmongThemSearchesTheContextToo() {
    assertThat(ObservationResourceProvider.onlyMeasures(codes(null, "72514-3"))).isFalse();
    assertThat(
            ObservationResourceProvider.onlyMeasures(
                codes("http://loinc.org", "72514-3")
                    .add(
                        new TokenOrListParam("http://loinc.org", "8867-4")
                            .getValuesAsQueryTokens()
                            .get(0))))
        .isFalse();
    assertThat(ObservationResourceProvider.onlyMeasures(codes("http://loinc.org", "8867-4")))
        .isFalse();
    assertThat(ObservationResourceProvider.onlyMeasures(null)).isFalse();
  }

  private static TokenOrListParam codes(String system, String code) {
    return new TokenOrListParam(system, code);
  }
}
