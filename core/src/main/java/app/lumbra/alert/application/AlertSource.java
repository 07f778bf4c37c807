package app.lumbra.alert.application;

import java.util.List;

/**
 * Port: a module whose rules raise alerts for a care plan beyond progress and safety (e.g. the
 * outcome rules OUT-2..OUT-4). The alert list asks every deployed source when it refreshes a plan,
 * so the source depends on this module and not the other way round.
 */
public interface AlertSource {

  /** What the source's rules raise for the plan now. */
  List<RaisedAlert> alertsFor(String carePlanId);
}
