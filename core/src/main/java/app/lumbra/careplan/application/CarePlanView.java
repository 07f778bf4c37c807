package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.PlanChange;
import app.lumbra.careplan.domain.PlanStatus;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A care plan as the boundaries show it, at one version: content, projection (PLAN-10), the
 * checker's warnings, the PLAN-11 statement (null without structural causes), the PLAN-12
 * expectations inside the content, and who changed it last and how (PLAN-14). {@code conditionId}
 * is null when the plan addresses no recorded condition.
 */
public record CarePlanView(
    String id,
    long version,
    String patientId,
    String conditionId,
    PlanStatus status,
    PlanContentData content,
    ProjectionView projection,
    List<WarningView> warnings,
    String structuralCauseStatement,
    OffsetDateTime createdAt,
    String createdBy,
    OffsetDateTime updatedAt,
    String updatedBy,
    PlanChange lastChange) {}
