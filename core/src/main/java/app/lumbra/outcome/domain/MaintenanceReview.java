package app.lumbra.outcome.domain;

import java.time.LocalDate;

/**
 * OUT-4: the maintenance review of a plan.
 *
 * @param dueOn the latest review day reached (every 12 weeks from the start of maintenance)
 * @param done a reassessment was recorded on or after {@code dueOn}
 * @param reliefDays median days until pain returned to its pre-session level, null when unknown
 * @param sessionsMeasured sessions whose relief could be measured
 * @param painRoseWhenSpacedOut pain before a session was higher by a clinically important amount
 *     after longer intervals than after the planned one
 * @param currentIntervalWeeks the maintenance phase's planned interval
 * @param suggestedIntervalWeeks the suggested interval within PLAN-4, null unless a new one
 * @param explanation the analysis in a clinician's words
 */
public record MaintenanceReview(
    LocalDate dueOn,
    boolean done,
    Double reliefDays,
    int sessionsMeasured,
    boolean painRoseWhenSpacedOut,
    double currentIntervalWeeks,
    IntervalSuggestion suggestion,
    Integer suggestedIntervalWeeks,
    String explanation) {}
