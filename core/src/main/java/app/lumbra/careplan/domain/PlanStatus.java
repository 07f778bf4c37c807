package app.lumbra.careplan.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * PLAN-14: draft → active → on-hold / completed / revoked. On hold can resume; completed and
 * revoked are final. The allowed moves are listed here and nowhere else.
 */
public enum PlanStatus {
  DRAFT,
  ACTIVE,
  ON_HOLD,
  COMPLETED,
  REVOKED;

  public Set<PlanStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(ACTIVE, REVOKED);
      case ACTIVE -> EnumSet.of(ON_HOLD, COMPLETED, REVOKED);
      case ON_HOLD -> EnumSet.of(ACTIVE, COMPLETED, REVOKED);
      case COMPLETED, REVOKED -> EnumSet.noneOf(PlanStatus.class);
    };
  }

  public boolean isFinal() {
    return next().isEmpty();
  }
}
