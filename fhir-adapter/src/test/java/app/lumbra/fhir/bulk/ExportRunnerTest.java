package app.lumbra.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An export leaves the machine to FHIR traffic for the share of the time it is told to. */
class ExportRunnerTest {

  private static final long TWENTY_MS = 20_000_000L;

  @Test
  void halfTheTimeWorkingPausesAsLongAsItWorked() {
    assertThat(ExportRunner.pauseNanos(TWENTY_MS, 0.5)).isEqualTo(TWENTY_MS);
  }

  @Test
  void aQuarterOfTheTimePausesThreeTimesAsLong() {
    assertThat(ExportRunner.pauseNanos(TWENTY_MS, 0.25)).isEqualTo(3 * TWENTY_MS);
  }

  @Test
  void allTheTimeNeverPausesAndNonsenseIsBounded() {
    assertThat(ExportRunner.pauseNanos(TWENTY_MS, 1)).isZero();
    assertThat(ExportRunner.pauseNanos(TWENTY_MS, 7)).isZero();
    assertThat(ExportRunner.pauseNanos(TWENTY_MS, 0)).isEqualTo(19 * TWENTY_MS);
  }
}
