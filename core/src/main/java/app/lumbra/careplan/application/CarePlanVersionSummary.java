package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.PlanChange;
import app.lumbra.careplan.domain.PlanStatus;
import java.time.OffsetDateTime;

/** PLAN-14: one entry of a plan's history — which version, what changed, who and when. */
public record CarePlanVersionSummary(
    String carePlanId,
    long version,
    PlanChange change,
    PlanStatus status,
    OffsetDateTime changedAt,
    String changedBy) {}
