/**
 * Who may use the FHIR API: bearer tokens verified against the configured keys, SMART on FHIR
 * scopes (v1 and v2) deciding resource types and interactions, and patient-context confinement.
 */
package app.lumbra.fhir.security;
