/**
 * The audit trail over FHIR: every FHIR access recorded, and the records served read-only as {@code
 * AuditEvent} resources.
 */
package app.lumbra.fhir.audit;
