package app.lumbra.exchange.application;

import app.lumbra.context.application.ContextView;
import app.lumbra.context.application.KeepContext;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.selfreport.application.RecordPatientReport;
import app.lumbra.selfreport.application.SelfReportService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * OUT-5, a questionnaire response a partner (or the patient's app) writes, in one transaction: it
 * is recorded through the self-report use case as the patient's own readings, home-care log and
 * adverse response (as the patient's page records them), kept whole as sent, and each reading it
 * became keeps the document that says it was derived from it. Anything refused stores nothing.
 */
@ApplicationScoped
@Transactional
public class ResponseExchange {

  private SelfReportService reports;
  private ObservationService observations;
  private PartnerRecords partner;

  /** For the CDI proxy only. */
  protected ResponseExchange() {}

  @Inject
  public ResponseExchange(
      SelfReportService reports, ObservationService observations, PartnerRecords partner) {
    this.reports = reports;
    this.observations = observations;
    this.partner = partner;
  }

  /**
   * Records {@code report}, keeps the response ({@code response}) and, beside each reading it
   * became, the document {@code reading} gives.
   */
  public ContextView record(
      @NotNull @Valid RecordPatientReport report,
      @NotNull KeepContext response,
      @NotNull PartnerDocument<ObservationView> reading) {
    var recorded = reports.record(report);
    ContextView kept = partner.keep(response, null);
    for (ObservationView derived : recorded.readings()) {
      ObservationExchange.keepBeside(observations, partner, derived, reading.beside(derived));
    }
    return kept;
  }
}
