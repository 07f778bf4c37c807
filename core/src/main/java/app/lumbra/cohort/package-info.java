/**
 * Lists of patients an analyst or an EHR names to export together (a FHIR Group of patients),
 * beside the care teams that are groups too.
 */
package app.lumbra.cohort;
