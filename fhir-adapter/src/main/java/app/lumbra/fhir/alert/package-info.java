/** FHIR {@code DetectedIssue}: the alerts of plans and patients (SAFE-4), read and search only. */
package app.lumbra.fhir.alert;
