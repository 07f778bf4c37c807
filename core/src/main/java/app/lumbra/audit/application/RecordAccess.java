package app.lumbra.audit.application;

import app.lumbra.audit.domain.AccessOutcome;

/**
 * An access to record: the channel ({@code FHIR}, {@code PORTAL}), who, the action (a FHIR
 * interaction or a portal page), what (request path and query), the patient when known, the
 * outcome, the HTTP status and a short detail (the refusal's reason).
 */
public record RecordAccess(
    String channel,
    String agent,
    String action,
    String entity,
    String patientId,
    AccessOutcome outcome,
    int status,
    String detail) {}
