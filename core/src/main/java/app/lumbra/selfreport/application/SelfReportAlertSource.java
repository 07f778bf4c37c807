package app.lumbra.selfreport.application;

import app.lumbra.alert.application.AlertSource;
import app.lumbra.alert.application.RaisedAlert;
import app.lumbra.safety.domain.AlertKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * OUT-5: a report the patient sent in the last 7 days is on the plan's alert list (and so on "Needs
 * attention") until the clinician acknowledges it; an adverse response raises its own SAFE-3 alert.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SelfReportAlertSource implements AlertSource {

  static final Duration RECENT = Duration.ofDays(7);

  private SelfReportService reports;
  private Clock clock;

  /** For the CDI proxy only. */
  protected SelfReportAlertSource() {}

  @Inject
  public SelfReportAlertSource(SelfReportService reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public List<RaisedAlert> alertsFor(String carePlanId) {
    OffsetDateTime since = OffsetDateTime.now(clock).minus(RECENT);
    return reports
        .lastReport(carePlanId)
        .filter(last -> last.isAfter(since))
        .map(
            last ->
                List.of(
                    new RaisedAlert(
                        "OUT-5",
                        AlertKind.INFO,
                        "self-report:" + last.toLocalDate(),
                        "New report from the patient",
                        "The patient reported through their personal link on "
                            + last.toLocalDate()
                            + ": see the symptoms on the chart (source: home diary).")))
        .orElse(List.of());
  }
}
