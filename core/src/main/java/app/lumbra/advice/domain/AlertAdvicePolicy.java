package app.lumbra.advice.domain;

import app.lumbra.safety.domain.AlertKind;

/**
 * SAFE-4 in the EHR: an open alert becomes advice of the urgency of its kind. A red flag (SAFE-1, a
 * PROG-6 red flag, new numbness after a session) is critical; a review (non-response, plateau,
 * overdue reassessment, adherence gaps, adverse responses) a warning; information stays
 * information.
 */
public final class AlertAdvicePolicy {

  private AlertAdvicePolicy() {}

  public static AdviceUrgency urgencyOf(AlertKind kind) {
    switch (kind) {
      case RED_FLAG:
        return AdviceUrgency.CRITICAL;
      case REVIEW:
        return AdviceUrgency.WARNING;
      default:
        return AdviceUrgency.INFO;
    }
  }
}
