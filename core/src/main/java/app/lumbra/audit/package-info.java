/**
 * The audit trail: one append-only record per access to patient data through FHIR or the portal,
 * allowed or denied. Records are added and read, never changed or deleted.
 */
package app.lumbra.audit;
