package app.lumbra.alert.domain;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What a search of alerts asks for; every part optional. {@code ruleIds} is any-of; the date range
 * {@code [raisedFrom, raisedBefore)} is on when the alert was raised; {@code currentOnly} leaves
 * out alerts their rule no longer raises.
 */
public record AlertCriteria(
    String patientId,
    Set<String> patientIds,
    String carePlanId,
    Set<String> ruleIds,
    OffsetDateTime raisedFrom,
    OffsetDateTime raisedBefore,
    boolean currentOnly) {

  public AlertCriteria {
    ruleIds = ruleIds == null ? Set.of() : Set.copyOf(ruleIds);
    patientIds = patientIds == null ? null : Set.copyOf(patientIds);
  }
}
