/**
 * What an exchange partner writes over FHIR, each write one use case and one transaction: the
 * resource is Lumbra's to record under its rules (a reading, a session, a plan, a goal, a low-back
 * pain condition, a patient) or the patient's clinical context, kept whole (FHIR-1); what the
 * partner sent beyond the domain is kept beside the version the write made. The FHIR adapter only
 * translates: it hands over commands, the partner's document as a function of the version written,
 * and reads the answer. Depends on the features it composes; none depends on it.
 */
package app.lumbra.exchange;
