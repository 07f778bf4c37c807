package app.lumbra.outcome.domain;

import app.lumbra.safety.domain.AlertKind;

/**
 * An alert the outcome rules raise (OUT-2 overdue reassessment, OUT-3 discharge suggested, OUT-4
 * maintenance review), for the plan's alert list.
 *
 * @param evidenceKey what it rests on, so that an acknowledged alert is not raised again for it
 */
public record OutcomeAlert(
    String ruleId, AlertKind kind, String evidenceKey, String title, String reason) {}
