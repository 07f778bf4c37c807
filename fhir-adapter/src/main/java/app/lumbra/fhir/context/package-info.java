/**
 * FHIR-1 and FHIR-9 for what is not about low-back pain: Observations and Conditions whose codes
 * Lumbra does not model are kept whole as the patient's clinical context and found again by the US
 * Core searches.
 */
package app.lumbra.fhir.context;
