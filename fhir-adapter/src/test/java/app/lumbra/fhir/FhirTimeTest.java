package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fhir.support.FhirTime;
import app.lumbra.shared.InvalidValueException;
import java.time.OffsetDateTime;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A date-time reaches the domain exactly as sent: the same instant, offset and fraction. */
class FhirTimeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-01T10:15:30Z",
        "2025-03-01T10:15:30+05:30",
        "2025-03-01T10:15:30-03:00",
        "2025-10-26T02:30:00+01:00",
        "2025-03-01T10:15:30.123+02:00",
        "2025-03-01T10:15:30.123456789-11:00"
      })
  void keepsTheInstantTheOffsetAndTheFractionAsSent(String sent) {
    OffsetDateTime domain = FhirTime.offsetDateTime("effective", new DateTimeType(sent));

    assertThat(domain).isEqualTo(OffsetDateTime.parse(sent));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-01", "2025-03"})
  void refusesADateWithoutATimeNamingTheField(String sent) {
    assertThatThrownBy(() -> FhirTime.offsetDateTime("effective", new DateTimeType(sent)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("effective");
  }
}
