package app.lumbra.careplan.application;

import java.time.OffsetDateTime;

/**
 * A goal as the boundaries show it, with the plan that holds it: the plan's id, patient, addressed
 * condition (null when none), version and last change, because a goal changes with its plan.
 */
public record GoalView(
    String carePlanId,
    String patientId,
    String conditionId,
    long planVersion,
    OffsetDateTime planUpdatedAt,
    GoalData goal) {}
