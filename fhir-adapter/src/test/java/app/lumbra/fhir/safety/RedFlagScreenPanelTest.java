package app.lumbra.fhir.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.safety.application.RecordRedFlagScreen;
import app.lumbra.safety.application.RedFlagScreenView;
import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.shared.InvalidValueException;
import java.time.OffsetDateTime;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** SAFE-1: the red-flag screen as an Observation panel. */
class RedFlagScreenPanelTest {

  private static Observation panel(RedFlagItem positive, RedFlagItem leftOut) {
    Observation panel = new Observation();
    panel.setStatus(Observation.ObservationStatus.FINAL);
    panel
        .getCode()
        .addCoding()
        .setSystem(CodeSystemResourceProvider.RED_FLAG_SYSTEM)
        .setCode(CodeSystemResourceProvider.RED_FLAG_PANEL);
    panel.setSubject(new Reference("Patient/p-1"));
    panel.addBasedOn(new Reference("CarePlan/plan-1"));
    panel.setEffective(new DateTimeType("2026-03-02T09:00:00+01:00"));
    for (RedFlagItem item : RedFlagItem.values()) {
      if (item != leftOut) {
        panel
            .addComponent()
            .setValue(new BooleanType(item == positive))
            .getCode()
            .addCoding()
            .setSystem(CodeSystemResourceProvider.RED_FLAG_SYSTEM)
            .setCode(item.name());
      }
    }
    return panel;
  }

  @Test
  void safe1APanelWithEveryItemAnsweredIsThePlansScreen() {
    Observation sent = panel(RedFlagItem.FEVER, null);

    RecordRedFlagScreen screen = RedFlagScreenPanel.toCommand(sent);

    assertThat(RedFlagScreenPanel.isScreen(sent.getCode())).isTrue();
    assertThat(screen.carePlanId()).isEqualTo("plan-1");
    assertThat(screen.positive()).containsExactly(RedFlagItem.FEVER);
    assertThat(screen.author()).isEqualTo("EHR (FHIR)");
    assertThat(UsCoreValidator.get().errors(sent)).isEmpty();
  }

  /**
   * A screen recorded in Lumbra is published as the panel a partner would send, read back alike.
   */
  @Test
  void safe1AScreenRecordedInLumbraIsAValidPanelThatReadsBackAsTheSameScreen() {
    RedFlagScreenView screen =
        new RedFlagScreenView(
            "screen-1",
            "p-1",
            "plan-1",
            Set.of(RedFlagItem.SADDLE_NUMBNESS, RedFlagItem.FEVER),
            true,
            "Refer for urgent medical assessment",
            "Asked twice",
            OffsetDateTime.parse("2026-03-02T09:00:00+01:00"),
            "dr.kim");

    Observation published = RedFlagScreenPanel.toFhir(screen);
    RecordRedFlagScreen readBack = RedFlagScreenPanel.toCommand(published);

    assertThat(published.getIdElement().getIdPart()).isEqualTo("screen-1");
    assertThat(published.getSubject().getReference()).isEqualTo("Patient/p-1");
    assertThat(published.getComponent()).hasSize(RedFlagItem.values().length);
    assertThat(published.getNote())
        .extracting(note -> note.getText())
        .containsExactly("Refer for urgent medical assessment", "Asked twice");
    assertThat(readBack.carePlanId()).isEqualTo("plan-1");
    assertThat(readBack.positive())
        .containsExactlyInAnyOrder(RedFlagItem.SADDLE_NUMBNESS, RedFlagItem.FEVER);
    assertThat(readBack.author()).isEqualTo("dr.kim");
    assertThat(UsCoreValidator.get().errors(published)).isEmpty();
  }

  @Test
  void safe1APanelWithAnUnansweredItemIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> RedFlagScreenPanel.toCommand(panel(null, RedFlagItem.INTRAVENOUS_DRUG_USE)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("Observation.component")
        .hasMessageContaining("INTRAVENOUS_DRUG_USE");
  }
}
