package app.lumbra.fhir.safety;

import app.lumbra.exchange.application.PartnerRecords;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.safety.application.RedFlagScreenRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * SAFE-1 over FHIR in both directions: a screen recorded in Lumbra is kept, in the recording
 * transaction, as the patient's clinical context in the panel shape partners send, under the
 * screen's own id. Reads, searches, {@code $everything} and bulk exports then hold it like any
 * panel an EHR sent.
 */
@ApplicationScoped
public class RedFlagScreenPublication {

  private PartnerRecords records;

  /** For the CDI proxy only. */
  protected RedFlagScreenPublication() {}

  @Inject
  public RedFlagScreenPublication(PartnerRecords records) {
    this.records = records;
  }

  void publish(@Observes RedFlagScreenRecorded recorded) {
    records.keep(
        ClinicalContext.toKeep(
            RedFlagScreenPanel.toFhir(recorded.screen()), recorded.screen().id()),
        null);
  }
}
