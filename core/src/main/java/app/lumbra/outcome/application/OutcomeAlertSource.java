package app.lumbra.outcome.application;

import app.lumbra.alert.application.AlertSource;
import app.lumbra.alert.application.RaisedAlert;
import app.lumbra.outcome.domain.OutcomeAnalysis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Puts the outcome rules' alerts on the plan's alert list (SAFE-4): reassessment due or overdue
 * (OUT-2), discharge suggested (OUT-3), maintenance review due (OUT-4).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutcomeAlertSource implements AlertSource {

  private OutcomeService outcomes;

  /** For the CDI proxy only. */
  protected OutcomeAlertSource() {}

  @Inject
  public OutcomeAlertSource(OutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public List<RaisedAlert> alertsFor(String carePlanId) {
    return OutcomeAnalysis.alerts(outcomes.report(carePlanId)).stream()
        .map(
            alert ->
                new RaisedAlert(
                    alert.ruleId(),
                    alert.kind(),
                    alert.evidenceKey(),
                    alert.title(),
                    alert.reason()))
        .toList();
  }
}
