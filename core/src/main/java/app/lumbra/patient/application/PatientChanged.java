package app.lumbra.patient.application;

/**
 * A patient was registered ({@code previous} null) or corrected, through any channel. Fired inside
 * the transaction of the change, after the new version is written, so observers (the version
 * archive behind FHIR history) store what they need in the same transaction or make it fail.
 */
public record PatientChanged(PatientView previous, PatientView current) {}
